// A small synthetic rule pack and repository builder for engine tests.
#pragma once

#include <string>
#include <vector>

#include "engine/pack.h"
#include "git_fixture.h"

namespace keplint::testing {

inline const char* kTestPackManifest = R"(name: test
description: a pack for tests
docs-url: "https://example.com/rules/{id}-{name}"
detect: [keps]
layout:
  proposals:
    marker: "keps/**/kep.yaml"
    exclude: ["keps/template"]
    key: {field: kep-number, pattern: "^([0-9]+)-"}
  documents:
    metadata: {path: "{dir}/kep.yaml", format: yaml, primary: true}
    readme: {path: "{dir}/README.md", format: markdown}
    prr:
      path: "prr/{owning-sig}/{kep-number}.yaml"
      format: yaml
      family: "prr/*/*.yaml"
  shared-files: ["keps/template/**", "SHARED"]
datasets:
  sigs:
    description: sig ids
    select: ["sigs[].dir"]
    fallback: data/sigs.yaml
)";

inline const char* kTestPackData = R"(source: "the pinned test list"
values: [sig-a, sig-b]
)";

inline const char* kTestPackRules = R"(rules:
  - id: T001
    name: status-valid
    severity: error
    applies-to: metadata
    description: status is known
    check: {kind: one-of, field: status, values: [provisional, implementable, implemented]}

  - id: T002
    name: people-listed
    severity: error
    whole-repo-severity: warning
    applies-to: metadata
    description: authors are listed
    check: {kind: required, fields: [authors]}

  - id: T003
    name: readme-exists
    severity: warning
    applies-to: proposal
    description: README.md exists
    check: {kind: file-exists, document: readme}

  - id: T004
    name: sig-known
    severity: error
    applies-to: metadata
    description: owning-sig is a known SIG
    check: {kind: member-of, field: owning-sig, dataset: sigs}

  - id: T005
    name: prr-exists
    severity: error
    applies-to: proposal
    description: implementable KEPs have a PRR file
    when:
      status: implementable
    check: {kind: file-exists, document: prr, report-at: status}

  - id: T006
    name: prr-orphan
    severity: error
    applies-to: repository
    description: PRR files belong to a KEP
    check: {kind: orphan-documents, document: prr}

  - id: T007
    name: readme-without-metadata
    severity: error
    applies-to: repository
    description: README.md files lie in a KEP
    check: {kind: proposal-discovery, files: "keps/**/README.md", exclude: ["keps/README.md"]}
)";

inline std::vector<PackFile> test_pack_files() {
  return {{"pack.yaml", kTestPackManifest},
          {"data/sigs.yaml", kTestPackData},
          {"rules.yaml", kTestPackRules}};
}

// Writes the test pack to `dir` (pack.yaml, rules.yaml, data/sigs.yaml).
inline void write_test_pack(const fs::path& dir) {
  for (const PackFile& f : test_pack_files()) write_file(dir / f.path, f.text);
}

// A KEP the test pack finds clean: metadata, README and (for implementable) the PRR file.
inline void write_kep(const fs::path& repo, const std::string& sig, const std::string& number,
                      const std::string& slug, const std::string& status = "provisional") {
  std::string dir = "keps/" + sig + "/" + number + "-" + slug;
  write_file(repo / dir / "kep.yaml", "title: " + slug + "\nkep-number: " + number +
                                          "\nowning-sig: " + sig + "\nstatus: " + status +
                                          "\nauthors: ['@someone']\n");
  write_file(repo / dir / "README.md", "# " + slug + "\n");
  if (status == "implementable") {
    write_file(repo / "prr" / sig / (number + ".yaml"), "kep-number: " + number + "\n");
  }
}

}  // namespace keplint::testing
