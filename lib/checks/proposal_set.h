// Shared by the kinds that compare proposals with each other (unique, references): every
// proposal's metadata, and which proposals a run reports on.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/check.h"
#include "engine/condition.h"
#include "engine/proposal.h"

namespace keplint {

// One proposal with only its primary (metadata) document loaded: no Markdown is parsed, so a
// repository-wide comparison costs one read and one YAML parse per proposal.
struct ProposalMetadata {
  std::string path;  // the proposal
  LoadedDocument document;

  const YamlNode* root() const { return document.yaml_root(); }
};

// Every proposal of the repository, in discovery (sorted) order, read through the Repository.
std::vector<ProposalMetadata> load_all_metadata(const RunContext& run);

// The proposals a run reports on: all of them in a whole-repository run, else those the changed
// (or named) files belong to. The others are still compared against, never reported on.
std::set<std::string> proposals_in_scope(const RunContext& run);

// True when `condition` holds for the proposal's metadata (an always-true condition holds even
// without metadata).
bool condition_holds(const Condition& condition, const ProposalMetadata& proposal);

}  // namespace keplint
