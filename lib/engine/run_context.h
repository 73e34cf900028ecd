// Everything a run shares across proposals: the repository, the pack, datasets, variables.
#pragma once

#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/pack.h"
#include "engine/proposal.h"
#include "repo/repository.h"

namespace keplint {

class RunContext {
 public:
  using Datasets = std::map<std::string, Dataset>;

  // Datasets may still be loading (a large sigs.yaml parses while proposals do); rules that need
  // one wait for it.
  // `settings`: where the run's reference files (shared documents such as the template, a
  // rule's exclude list) are read; the trusted base revision when a pull request is linted.
  RunContext(const Repository& repo, const Pack& pack, std::shared_future<Datasets> datasets,
             std::map<std::string, std::string> variables, const Repository* settings = nullptr)
      : repo_(repo),
        settings_(settings ? *settings : repo),
        pack_(pack),
        datasets_(std::move(datasets)),
        variables_(std::move(variables)) {}

  const Repository& repo() const { return repo_; }
  const Repository& settings_repo() const { return settings_; }
  const Pack& pack() const { return pack_; }
  const Layout& layout() const { return pack_.layout; }
  const Dataset* dataset(std::string_view name) const;
  const Datasets& datasets() const { return datasets_.get(); }
  std::optional<std::string> variable(std::string_view name) const;
  // A variable computed the first time a rule asks for it (the planned release reads every
  // kep.yaml; a one-KEP run whose rules never ask does not pay for it). `compute` must be
  // thread-safe.
  void set_lazy_variable(std::string name, std::function<std::optional<std::string>()> compute) {
    lazy_variables_.emplace(std::move(name), std::move(compute));
  }

  // Whole-repo runs see every file; changed-set runs only the changed files that still exist.
  bool whole_repo() const { return !scope_files_.has_value(); }
  void set_scope_files(std::vector<std::string> files) { scope_files_ = std::move(files); }
  const std::optional<std::vector<std::string>>& scope_files() const { return scope_files_; }

  // Files the run covers that match `glob`: every file in a whole-repo run, the changed (and
  // still present) files in a changed-set run.
  std::vector<std::string> files_in_scope(std::string_view glob) const;

  // Datasets a rule asked for that were unavailable: the run fails closed on them (exit 2)
  // unless the config lists them under `optional-datasets`.
  void note_unavailable_dataset(std::string_view name) const;
  std::vector<std::string> unavailable_datasets() const;

  // Every proposal in the repository (discovered once, on first use).
  const std::vector<std::string>& all_proposals() const;
  std::vector<std::string> proposals_with_key(std::string_view key) const;

  // A shared document of the layout (the template), read and parsed once; null when the role is
  // unknown or the file cannot be read.
  const LoadedDocument* shared_document(std::string_view role) const;

  // Documents that loaded proposals resolved to, so orphan checks need not load them again.
  void record_claim(const std::string& path, const std::string& proposal) const;
  std::optional<std::string> claimed_by(const std::string& path) const;

 private:
  const Repository& repo_;
  const Repository& settings_;
  const Pack& pack_;
  std::shared_future<Datasets> datasets_;
  std::map<std::string, std::string> variables_;
  std::map<std::string, std::function<std::optional<std::string>()>, std::less<>> lazy_variables_;
  std::optional<std::vector<std::string>> scope_files_;
  mutable std::once_flag discovered_;
  mutable std::vector<std::string> all_proposals_;
  mutable std::once_flag shared_loaded_;
  mutable std::vector<std::pair<std::string, LoadedDocument>> shared_;
  mutable std::mutex unavailable_mutex_;
  mutable std::vector<std::string> unavailable_;
  mutable std::mutex claims_mutex_;
  mutable std::map<std::string, std::string> claims_;
};

}  // namespace keplint
