#include "engine/dataset.h"
#include "repo/user_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/field_path.h"
#include "parse/yaml_document.h"
#include "repo/git_dir_guard.h"

namespace keplint {

namespace {

void select_values(const DatasetSpec& spec, const YamlDocument& doc, Dataset& out) {
  for (const YamlProblem& p : doc.problems()) {
    if (p.kind != YamlProblem::Kind::DuplicateKey) {
      throw std::runtime_error(doc.source()->path() + ":" + std::to_string(p.range.start.line) +
                               ": " + p.message);
    }
  }
  for (const std::string& path : spec.select) {
    for (const FieldMatch& m : lookup_field(doc.root(), path).matches) {
      if (m.node && m.node->is_scalar()) out.values.insert(m.node->resolved().value);
    }
  }
  if (out.values.empty()) {
    throw std::runtime_error(doc.source()->path() + ": no values found for dataset '" + spec.name +
                             "' (looked for " +
                             [&] {
                               std::string s;
                               for (const auto& p : spec.select) s += (s.empty() ? "" : ", ") + p;
                               return s;
                             }() +
                             ")");
  }
}

}  // namespace

std::shared_ptr<const DatasetFile> read_dataset_file(const std::string& name,
                                                     const std::filesystem::path& file) {
  auto out = std::make_shared<DatasetFile>();
  if (resolves_into_git_directory(file)) {
    out->error =
        "dataset '" + name + "' from " + file.string() + ": " + std::string(kInsideGitMessage);
    return out;
  }
  // A user's file (--sigs, --dataset), read with the repository's limits.
  ReadResult read = read_user_file(file.string(), Repository::kDefaultMaxFileSize);
  if (!read.ok()) {
    out->error = "cannot read dataset '" + name + "' from " + file.string() + ": " + read.detail;
    return out;
  }
  out->doc.emplace(YamlDocument::parse(read.source));
  return out;
}

Dataset load_dataset(const DatasetSpec& spec, const Repository& repo,
                     const std::optional<std::filesystem::path>& user_file,
                     const DatasetFile* preread) {
  Dataset out;
  out.name = spec.name;
  if (user_file) {
    std::shared_ptr<const DatasetFile> read;
    if (!preread) {
      read = read_dataset_file(spec.name, *user_file);
      preread = read.get();
    }
    if (!preread->doc) throw std::runtime_error(preread->error);
    select_values(spec, *preread->doc, out);
    out.source = user_file->filename().string() + " (" + user_file->string() + ")";
    out.available = true;
    return out;
  }
  if (!spec.repo_file.empty()) {
    ReadResult r = repo.read(spec.repo_file);
    if (r.ok()) {
      try {
        select_values(spec, YamlDocument::parse(r.source), out);
      } catch (const std::runtime_error& e) {
        if (spec.values_required) throw;
        out.values.clear();
        out.error = e.what();
        return out;
      }
      out.source = spec.repo_file;
      out.available = true;
      return out;
    }
    if (spec.fallback_values.empty()) {
      out.error = spec.repo_file + ": " + r.detail;
      return out;
    }
  }
  if (!spec.fallback_values.empty()) {
    out.values.insert(spec.fallback_values.begin(), spec.fallback_values.end());
    out.source = spec.fallback_source;
    out.available = true;
    return out;
  }
  out.error = "no source configured";
  return out;
}

}  // namespace keplint
