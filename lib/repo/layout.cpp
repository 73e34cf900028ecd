#include "repo/layout.h"

#include <algorithm>

#include "repo/glob.h"
#include "repo/path_template.h"

namespace keplint {

namespace {

std::string parent_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string base_name(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

const DocumentSpec* Layout::document(std::string_view role) const {
  for (const auto& d : documents) {
    if (d.role == role) return &d;
  }
  return nullptr;
}

const DocumentSpec* Layout::primary() const {
  for (const auto& d : documents) {
    if (d.primary) return &d;
  }
  return documents.empty() ? nullptr : &documents.front();
}

bool Layout::excluded(const std::string& proposal_path) const {
  return std::any_of(proposals.exclude.begin(), proposals.exclude.end(),
                     [&](const std::string& g) { return glob_match(g, proposal_path); });
}

std::vector<std::string> Layout::discover(const Repository& repo) const {
  std::vector<std::string> found;
  std::string prefix(glob_literal_prefix(proposals.marker));
  for (const std::string& file : repo.walk(prefix)) {
    if (!glob_match(proposals.marker, file)) continue;
    std::string proposal = proposals.file_is_proposal ? file : parent_of(file);
    if (!excluded(proposal)) found.push_back(proposal);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::string Layout::proposal_containing(const Repository& repo, const std::string& path) const {
  if (proposals.file_is_proposal) {
    return glob_match(proposals.marker, path) && !excluded(path) ? path : std::string();
  }
  // The marker's file name ("kep.yaml"); a directory is a proposal when it holds that file.
  std::string marker_name = base_name(proposals.marker);
  bool literal_marker = marker_name.find_first_of("*?[") == std::string::npos;
  for (std::string dir = parent_of(path); !dir.empty(); dir = parent_of(dir)) {
    if (!literal_marker) break;
    std::string candidate = dir + "/" + marker_name;
    if (!glob_match(proposals.marker, candidate)) continue;
    // A deleted marker still names its proposal when the changed path is the marker itself.
    // A marker that is a dangling or looping link still makes a proposal: one that cannot be
    // read, which file-readable reports, rather than files that belong to nobody.
    if (candidate == path || repo.is_file(candidate) || repo.is_symlink(candidate)) {
      return excluded(dir) ? std::string() : dir;
    }
  }
  return {};
}

std::string Layout::key_of(const std::string& proposal_path) const {
  if (!proposals.key_pattern) return {};
  std::string name = base_name(proposal_path);
  std::string key;
  if (re2::RE2::PartialMatch(name, *proposals.key_pattern, &key)) return key;
  return {};
}

ChangedMapping map_changed_files(const Layout& layout, const Repository& repo,
                                 const std::vector<std::string>& changed,
                                 const std::vector<std::string>& extra_shared) {
  ChangedMapping out;
  std::vector<std::string> all;  // discovered lazily: only a document family needs it
  bool discovered = false;
  for (const std::string& path : changed) {
    bool shared = std::any_of(layout.shared_files.begin(), layout.shared_files.end(),
                              [&](const std::string& g) { return glob_match(g, path); }) ||
                  std::find(extra_shared.begin(), extra_shared.end(), path) != extra_shared.end();
    if (shared) {
      out.everything = true;
      continue;
    }
    std::string proposal = layout.proposal_containing(repo, path);
    if (!proposal.empty()) {
      out.proposals.insert(proposal);
      continue;
    }
    // A document that lives apart (a PRR file): find its proposal through the key.
    bool claimed = false;
    for (const DocumentSpec& doc : layout.documents) {
      if (doc.family.empty() || !glob_match(doc.family, path)) continue;
      auto vars = match_path_template(doc.path_template, path);
      if (!vars || layout.proposals.key_field.empty()) continue;
      auto key = vars->find(layout.proposals.key_field);
      if (key == vars->end()) continue;
      if (!discovered) {
        all = layout.discover(repo);
        discovered = true;
      }
      for (const std::string& p : all) {
        if (layout.key_of(p) == key->second) {
          out.proposals.insert(p);
          claimed = true;
        }
      }
    }
    if (!claimed) out.loose_files.push_back(path);
  }
  return out;
}

}  // namespace keplint
