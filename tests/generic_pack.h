// A small pack of one layout and the rules a test gives, for the generic check kinds (unique,
// references, date-order, links): proposals are proposals/<dir>/metadata.yaml with a README.md.
#pragma once

#include <cctype>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "engine/session.h"
#include "git_fixture.h"

namespace keplint::testing {

inline const char* kGenericPackManifest = R"(name: generic
description: a generic pack for check kind tests
detect: [proposals]
layout:
  proposals:
    marker: "proposals/*/metadata.yaml"
  documents:
    metadata: {path: "{dir}/metadata.yaml", format: yaml, primary: true}
    readme: {path: "{dir}/README.md", format: markdown}
)";

// Front-matter proposals, one file each (cluster-api, openshift).
inline const char* kFrontMatterPackManifest = R"(name: generic
description: a generic front-matter pack for check kind tests
detect: [docs]
layout:
  proposals:
    marker: "docs/proposals/*.md"
    unit: file
  documents:
    metadata: {path: "{file}", format: front-matter, primary: true}
)";

class GenericPackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    pack_ = tmp_.path() / "pack";
    fs::create_directories(root_);
  }
  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }
  void pack(const std::string& rules, const char* manifest = kGenericPackManifest) {
    write_file(pack_ / "pack.yaml", manifest);
    write_file(pack_ / "rules.yaml", "rules:\n" + rules);
  }
  // "path:line:col message" for each finding, in the run's (sorted) order.
  std::vector<std::string> run(LintOptions options = {}) {
    SessionOptions so;
    so.repo_dir = root_;
    so.rules_dir = pack_;
    Session session = open_session(so);
    Report report = lint(*session.run, options);
    std::vector<std::string> out;
    for (const Finding& f : report.findings) {
      out.push_back(f.path + ":" + std::to_string(f.range.start.line) + ":" +
                    std::to_string(f.range.start.column) + " " + f.message);
    }
    return out;
  }
  // A rules.yaml entry of one rule with the given check (a flow mapping).
  static std::string rule(const std::string& id, const std::string& applies_to,
                          const std::string& check) {
    std::string name = "rule-" + id;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return "  - id: " + id + "\n    name: " + name +
           "\n    severity: error\n    applies-to: " + applies_to +
           "\n    description: a rule\n    check: " + check + "\n";
  }
  // The message of the error that stops the run (a bad rule), or "".
  std::string load_error() {
    try {
      run();
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
  TempDir tmp_;
  fs::path root_;
  fs::path pack_;
};

}  // namespace keplint::testing
