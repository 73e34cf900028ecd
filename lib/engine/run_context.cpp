#include "engine/run_context.h"

#include <algorithm>

#include "repo/glob.h"

namespace keplint {

const Dataset* RunContext::dataset(std::string_view name) const {
  const Datasets& all = datasets_.get();
  auto it = all.find(std::string(name));
  return it == all.end() ? nullptr : &it->second;
}

std::optional<std::string> RunContext::variable(std::string_view name) const {
  auto it = variables_.find(std::string(name));
  if (it != variables_.end()) return it->second;
  if (auto lazy = lazy_variables_.find(name); lazy != lazy_variables_.end()) return lazy->second();
  return std::nullopt;
}

std::vector<std::string> RunContext::files_in_scope(std::string_view glob) const {
  std::vector<std::string> out;
  if (whole_repo()) {
    for (const std::string& f : repo_.walk(glob_literal_prefix(glob))) {
      if (glob_match(glob, f)) out.push_back(f);
    }
  } else {
    for (const std::string& f : *scope_files_) {
      if (glob_match(glob, f)) out.push_back(f);
    }
  }
  return out;
}

const std::vector<std::string>& RunContext::all_proposals() const {
  std::call_once(discovered_, [&] { all_proposals_ = pack_.layout.discover(repo_); });
  return all_proposals_;
}

std::vector<std::string> RunContext::proposals_with_key(std::string_view key) const {
  std::vector<std::string> out;
  if (key.empty()) return out;
  for (const std::string& p : all_proposals()) {
    if (pack_.layout.key_of(p) == key) out.push_back(p);
  }
  return out;
}

const LoadedDocument* RunContext::shared_document(std::string_view role) const {
  std::call_once(shared_loaded_, [&] {
    for (const DocumentSpec& spec : pack_.layout.shared_documents) {
      LoadedDocument doc = load_file_document(settings_, spec.path_template);
      shared_.emplace_back(spec.role, std::move(doc));
    }
    for (std::size_t i = 0; i < shared_.size(); ++i) {
      shared_[i].second.spec = &pack_.layout.shared_documents[i];
    }
  });
  for (const auto& [name, doc] : shared_) {
    if (name == role) return doc.exists() ? &doc : nullptr;
  }
  return nullptr;
}

void RunContext::record_claim(const std::string& path, const std::string& proposal) const {
  std::lock_guard lock(claims_mutex_);
  claims_.emplace(path, proposal);
}

std::optional<std::string> RunContext::claimed_by(const std::string& path) const {
  std::lock_guard lock(claims_mutex_);
  auto it = claims_.find(path);
  if (it == claims_.end()) return std::nullopt;
  return it->second;
}

void RunContext::note_unavailable_dataset(std::string_view name) const {
  std::lock_guard<std::mutex> lock(unavailable_mutex_);
  if (std::find(unavailable_.begin(), unavailable_.end(), name) == unavailable_.end()) {
    unavailable_.emplace_back(name);
  }
}

std::vector<std::string> RunContext::unavailable_datasets() const {
  std::lock_guard<std::mutex> lock(unavailable_mutex_);
  std::vector<std::string> out = unavailable_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace keplint
