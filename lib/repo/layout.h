// Where proposals live, as a pack declares it. Nothing here knows about KEPs: the kubernetes
// pack says "each keps/**/kep.yaml makes its directory a proposal", openshift's says "each
// enhancements/**/*.md file is a proposal".
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "repo/repository.h"

namespace keplint {

enum class DocumentFormat { Yaml, Markdown, FrontMatter };

struct DocumentSpec {
  std::string role;  // "metadata", "readme", "prr"
  std::string
      path_template;  // "{dir}/kep.yaml" or "keps/prod-readiness/{owning-sig}/{kep-number}.yaml"
  DocumentFormat format = DocumentFormat::Yaml;
  bool primary = false;  // the metadata document that conditions and templates read
  std::string
      family;  // glob of every file of this role, to find orphans ("keps/prod-readiness/*/*.yaml")
};

struct ProposalSpec {
  std::string marker;                // glob of the file that makes a proposal ("keps/**/kep.yaml")
  bool file_is_proposal = false;     // the marker file itself is the proposal (front-matter repos)
  std::vector<std::string> exclude;  // globs of proposal paths to skip
  std::string key_field;             // metadata field the key stands for ("kep-number")
  std::shared_ptr<const re2::RE2> key_pattern;  // first group taken from the proposal's base name
};

struct Layout {
  ProposalSpec proposals;
  std::vector<DocumentSpec> documents;
  std::vector<std::string> shared_files;  // globs: a change to one re-lints every proposal
  // Documents every proposal is compared with, read once per run (the README template).
  std::vector<DocumentSpec> shared_documents;

  const DocumentSpec* document(std::string_view role) const;
  const DocumentSpec* primary() const;

  // Every proposal in the repository (paths of directories, or files), sorted.
  std::vector<std::string> discover(const Repository& repo) const;
  // The proposal a path names directly, if any (its marker, or a path inside its directory).
  std::string proposal_containing(const Repository& repo, const std::string& path) const;
  // The key of a proposal from its path ("keps/sig-node/1234-foo" -> "1234"), or "".
  std::string key_of(const std::string& proposal_path) const;
  bool excluded(const std::string& proposal_path) const;
};

struct ChangedMapping {
  std::set<std::string> proposals;       // proposals the changed files belong to
  std::vector<std::string> loose_files;  // changed files that belong to no proposal
  bool everything = false;               // a shared file changed: every proposal is affected
};

// Maps changed files to the proposals they affect. `extra_shared` adds dataset files.
ChangedMapping map_changed_files(const Layout& layout, const Repository& repo,
                                 const std::vector<std::string>& changed,
                                 const std::vector<std::string>& extra_shared);

}  // namespace keplint
