#include "engine/session.h"

#include "engine/planned_release.h"

#include <future>
#include <stdexcept>

#include "engine/engine_rules.h"

namespace keplint {

namespace fs = std::filesystem;

namespace {

// A pack directory inside the repository is read through the repository, like every other file
// there: a symlinked rule file that leads outside the root is an error, never read.
Pack load_repository_pack(const Repository& repo, const std::string& dir) {
  std::vector<PackFile> files;
  for (const std::string& path : repo.walk(dir)) {
    if (!path.ends_with(".yaml")) continue;
    ReadResult r = repo.read(path);
    if (!r.ok()) {
      throw RuleError((repo.root() / path).generic_string(), {1, 1},
                      "cannot read pack file: " + r.detail);
    }
    files.push_back({path.substr(dir.size() + 1), r.source->text()});
  }
  return load_pack((repo.root() / dir).generic_string(), files);
}

Pack load_named_pack(const SessionOptions& options, const std::string& name,
                     const Repository& repo) {
  if (!options.rules_dir.empty()) {
    fs::path dir = options.rules_dir / name;
    if (!fs::exists(dir / "pack.yaml")) {
      if (fs::exists(options.rules_dir / "pack.yaml"))
        return load_pack_directory(options.rules_dir);
      throw std::runtime_error("no pack '" + name + "' in " + options.rules_dir.string());
    }
    return load_pack_directory(dir);
  }
  // A pack directory inside the repository wins over a built-in of the same name.
  if (repo.is_file(name + "/pack.yaml")) return load_repository_pack(repo, name);
  return load_builtin_pack(name);
}

std::vector<std::string> available_packs(const SessionOptions& options) {
  if (options.rules_dir.empty()) return builtin_pack_names();
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(options.rules_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (fs::exists(it->path() / "pack.yaml")) names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

Session open_session(const SessionOptions& options) {
  // Dataset files named on the command line (a 200 KB sigs.yaml) are read and parsed while the
  // config and the pack load.
  std::map<std::string, std::shared_future<std::shared_ptr<const DatasetFile>>> preread;
  for (const auto& [name, file] : options.dataset_files) {
    if (!fs::is_regular_file(file)) continue;  // reported once the pack is known
    preread.emplace(name, std::async(std::launch::async, [name = name, file = file] {
                            return read_dataset_file(name, file);
                          }).share());
  }

  Session s;
  s.repo = std::make_unique<Repository>(options.repo_dir);
  s.config = load_config(*s.repo, options.config_path);
  s.repo->set_max_file_size(options.max_file_size.value_or(
      s.config.max_file_size.value_or(Repository::kDefaultMaxFileSize)));

  std::string name = !options.pack.empty() ? options.pack : s.config.pack;
  if (name.empty()) {
    if (!options.rules_dir.empty() && fs::exists(options.rules_dir / "pack.yaml")) {
      s.pack = std::make_unique<Pack>(load_pack_directory(options.rules_dir));
    } else {
      // Detection: the first pack whose marker paths exist in the repository.
      for (const std::string& candidate : available_packs(options)) {
        Pack pack = load_named_pack(options, candidate, *s.repo);
        for (const std::string& marker : pack.detect) {
          if (s.repo->is_directory(marker) || s.repo->is_file(marker)) {
            s.pack = std::make_unique<Pack>(std::move(pack));
            break;
          }
        }
        if (s.pack) break;
      }
      if (!s.pack) {
        throw std::runtime_error("no rule pack applies to " + s.repo->root().string() +
                                 "; name one with --pack or `pack:` in .kep-lint.yaml");
      }
    }
  } else {
    s.pack = std::make_unique<Pack>(load_named_pack(options, name, *s.repo));
  }

  for (const Rule& rule : s.pack->rules) {
    // The engine's diagnostics share the rule namespace (config, output, suppressions).
    if (find_engine_rule(rule.id) || find_engine_rule(rule.name)) {
      throw RuleError(rule.file, {rule.line, 1},
                      "rule " + rule.id + " (" + rule.name +
                          ") takes an id or name of kep-lint's own diagnostics (KL...)");
    }
  }
  for (const auto& [rule, _] : s.config.severities) {
    if (!s.pack->find_rule(rule) && !find_engine_rule(rule)) {
      auto at = s.config.severity_positions.find(rule);
      throw RuleError(s.config.file,
                      at != s.config.severity_positions.end() ? at->second : Position{1, 1},
                      "config names unknown rule '" + rule + "'");
    }
  }

  // Dataset files the user named are resolved now (so a bad path fails fast); parsing them
  // runs in the background while proposals are parsed.
  struct Job {
    DatasetSpec spec;
    std::optional<fs::path> file;
    std::shared_future<std::shared_ptr<const DatasetFile>> preread;
  };
  std::vector<Job> jobs;
  for (const DatasetSpec& spec : s.pack->datasets) {
    std::optional<fs::path> file;
    std::shared_future<std::shared_ptr<const DatasetFile>> early;
    if (auto it = options.dataset_files.find(spec.name); it != options.dataset_files.end()) {
      file = it->second;
      if (!fs::is_regular_file(*file)) {
        throw std::runtime_error("dataset " + spec.name + ": cannot read " + file->string());
      }
      early = preread.at(spec.name);
    } else if (auto c = s.config.datasets.find(spec.name); c != s.config.datasets.end()) {
      // Config paths are repo-relative and must stay inside the repository.
      ReadResult r = s.repo->read(c->second);
      if (!r.ok()) {
        throw RuleError(s.config.file, s.config.dataset_positions.at(spec.name),
                        "dataset " + spec.name + " '" + c->second + "': " + r.detail);
      }
      file = s.repo->root() / c->second;
    }
    jobs.push_back({spec, file, early});
  }
  // clang 14 cannot capture structured bindings: plain loop variables below.
  for (const auto& entry : s.config.datasets) {
    const std::string& name = entry.first;
    bool known = std::any_of(s.pack->datasets.begin(), s.pack->datasets.end(),
                             [&](const DatasetSpec& d) { return d.name == name; });
    if (!known) {
      throw RuleError(s.config.file, s.config.dataset_positions.at(name),
                      "pack " + s.pack->name + " has no dataset named '" + name + "'");
    }
  }
  for (const auto& entry : options.dataset_files) {
    const std::string& name = entry.first;
    bool known = std::any_of(s.pack->datasets.begin(), s.pack->datasets.end(),
                             [&](const DatasetSpec& d) { return d.name == name; });
    if (!known)
      throw std::runtime_error("pack " + s.pack->name + " has no dataset named '" + name + "'");
  }
  // Selecting the values is quick: it runs in the first thread that needs a dataset, once the
  // files read above are parsed.
  const Repository* repo = s.repo.get();
  std::shared_future<RunContext::Datasets> datasets =
      std::async(std::launch::deferred, [jobs = std::move(jobs), repo] {
        RunContext::Datasets out;
        for (const Job& job : jobs) {
          Dataset data;
          try {
            data = load_dataset(job.spec, *repo, job.file,
                                job.preread.valid() ? job.preread.get().get() : nullptr);
          } catch (const std::exception& e) {
            data.name = job.spec.name;
            data.error = e.what();
            data.fatal = true;
          }
          out.emplace(job.spec.name, std::move(data));
        }
        return out;
      }).share();
  // {planned-release}: --release when given, else derived from the repository (with a note).
  std::map<std::string, std::string> variables = options.variables;
  if (auto given = variables.find("release"); given != variables.end()) {
    variables["planned-release"] = given->second;
  } else if (!s.pack->release_derive_from.empty()) {
    PlannedRelease planned =
        derive_planned_release(*s.repo, s.pack->layout, s.pack->release_derive_from);
    if (!planned.version.empty()) variables["planned-release"] = planned.version;
    s.release_note = planned.note;
  }
  s.run = std::make_unique<RunContext>(*s.repo, *s.pack, std::move(datasets), variables);
  return s;
}

std::vector<std::string> Session::notes() const {
  std::vector<std::string> out;
  if (!release_note.empty()) out.push_back(release_note);
  for (const auto& [name, data] : run->datasets()) {
    if (data.available) {
      out.push_back("dataset " + name + ": " + std::to_string(data.values.size()) +
                    " values from " + data.source);
    } else if (!data.fatal) {
      out.push_back("dataset " + name + " unavailable (" + data.error +
                    "); rules that need it are skipped");
    }
  }
  return out;
}

void Session::check_datasets() const {
  for (const auto& [name, data] : run->datasets()) {
    if (data.fatal) throw std::runtime_error("dataset " + name + ": " + data.error);
  }
}

}  // namespace keplint
