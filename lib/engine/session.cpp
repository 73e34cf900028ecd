#include "engine/session.h"

#include "document/text.h"

#include "engine/planned_release.h"

#include <algorithm>
#include <future>
#include <stdexcept>

#include "engine/engine_rules.h"
#include "repo/git.h"
#include "repo/user_file.h"

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
  return load_pack((repo.root() / dir).generic_string(), files, fs::path(dir).filename().string());
}

// A pack by name: from --rules when given, else built in. Only a pack the (trusted) config
// names may come from a directory inside the repository: one named on the command line, or
// found by detection, is never replaced by a directory a pull request can add.
Pack load_named_pack(const SessionOptions& options, const std::string& name,
                     const Repository* repo_packs) {
  if (!options.rules_dir.empty()) {
    fs::path dir = options.rules_dir / name;
    if (!fs::exists(dir / "pack.yaml")) {
      if (fs::exists(options.rules_dir / "pack.yaml"))
        return load_pack_directory(options.rules_dir);
      throw std::runtime_error("no pack '" + name + "' in " + options.rules_dir.string());
    }
    return load_pack_directory(dir, /*name_must_match=*/true);
  }
  if (repo_packs && repo_packs->is_file(name + "/pack.yaml")) {
    return load_repository_pack(*repo_packs, name);
  }
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

// A path the user gave, as a repo-relative path when it lies inside the repository (relative
// paths are tried against the current directory first, then the repository); empty otherwise.
std::string inside_repository(const Repository& repo, const fs::path& path) {
  fs::path candidate = path;
  std::error_code ec;
  if (candidate.is_relative() && !fs::exists(candidate, ec) && fs::exists(repo.root() / path, ec)) {
    candidate = repo.root() / path;
  }
  return repo.relative_to_root(candidate);
}

std::unique_ptr<Pack> choose_pack(const SessionOptions& options, const Session& s) {
  std::string name = !options.pack.empty() ? options.pack : s.config.pack;
  if (!name.empty()) {
    // A repository pack only when the config names it.
    const Repository* repo_packs = options.pack.empty() ? s.settings : nullptr;
    return std::make_unique<Pack>(load_named_pack(options, name, repo_packs));
  }
  if (!options.rules_dir.empty() && fs::exists(options.rules_dir / "pack.yaml")) {
    return std::make_unique<Pack>(load_pack_directory(options.rules_dir));
  }
  // Detection: the first pack whose marker paths exist in the repository.
  for (const std::string& candidate : available_packs(options)) {
    Pack pack = load_named_pack(options, candidate, nullptr);
    for (const std::string& marker : pack.detect) {
      if (s.repo->is_directory(marker) || s.repo->is_file(marker)) {
        return std::make_unique<Pack>(std::move(pack));
      }
    }
  }
  throw std::runtime_error("no rule pack applies to " + s.repo->root().string() +
                           "; name one with --pack or `pack:` in .kep-lint.yaml");
}

// The detection markers of every pack the session could pick.
std::vector<std::string> pack_markers(const SessionOptions& options) {
  std::vector<std::string> markers;
  auto add = [&](const Pack& pack) {
    markers.insert(markers.end(), pack.detect.begin(), pack.detect.end());
  };
  if (!options.rules_dir.empty() && fs::exists(options.rules_dir / "pack.yaml")) {
    add(load_pack_directory(options.rules_dir));
    return markers;
  }
  for (const std::string& name : available_packs(options)) {
    add(options.rules_dir.empty() ? load_builtin_pack(name)
                                  : load_pack_directory(options.rules_dir / name));
  }
  return markers;
}

fs::path find_repository_root(const SessionOptions& options) {
  std::vector<std::string> markers = pack_markers(options);
  std::error_code ec;
  fs::path start = fs::weakly_canonical(fs::absolute(options.repo_dir), ec);
  if (ec) return options.repo_dir;
  for (fs::path dir = start;; dir = dir.parent_path()) {
    bool root = fs::exists(dir / ".git", ec) || fs::exists(dir / ".kep-lint.yaml", ec);
    for (const std::string& m : markers) root = root || fs::exists(dir / m, ec);
    if (root) return dir;
    if (dir == dir.parent_path()) return options.repo_dir;  // none found: as given
  }
}

}  // namespace

std::filesystem::path session_root(const SessionOptions& options) {
  return options.find_root ? find_repository_root(options) : options.repo_dir;
}

Session open_session(const SessionOptions& options) {
  Session s;
  s.repo = std::make_unique<Repository>(session_root(options));
  s.settings = s.repo.get();
  if (!options.base_commit.empty()) {
    GitRepo git = GitRepo::open(s.repo->root());
    std::string prefix = s.repo->root().lexically_relative(git.top_level()).generic_string();
    prefix = prefix == "." ? std::string() : prefix + "/";
    s.base_repo = std::make_unique<Repository>(
        s.repo->root(), GitTree::load(git.top_level(), options.base_commit, prefix));
    if (!options.settings_from_worktree) s.settings = s.base_repo.get();
  }

  // --config: the user's file (outside the repository, or inside it and then read from the
  // settings revision), else the repository's .kep-lint.yaml.
  std::string config_in_repo;
  if (!options.config_path.empty()) {
    config_in_repo = inside_repository(*s.repo, options.config_path);
    if (config_in_repo.empty()) {
      ReadResult r = read_user_file(options.config_path, Repository::kDefaultMaxFileSize);
      if (!r.ok()) throw RuleError(options.config_path, {1, 1}, "cannot read config: " + r.detail);
      s.config = parse_config(r.source);
    } else {
      s.config = load_config(*s.settings, config_in_repo);
    }
  } else {
    s.config = load_config(*s.settings);
    config_in_repo = ".kep-lint.yaml";
  }
  std::size_t max_size = options.max_file_size.value_or(
      s.config.max_file_size.value_or(Repository::kDefaultMaxFileSize));
  s.repo->set_max_file_size(max_size);
  if (s.base_repo) s.base_repo->set_max_file_size(max_size);

  s.pack = choose_pack(options, s);
  s.settings_paths.push_back(config_in_repo);
  if (options.pack.empty() && options.rules_dir.empty() && !s.config.pack.empty()) {
    s.settings_paths.push_back(s.config.pack + "/");
  }

  for (const Rule& rule : s.pack->rules) {
    // The engine's diagnostics share the rule namespace (config, output, suppressions).
    if (find_engine_rule(rule.id) || find_engine_rule(rule.name)) {
      throw RuleError(rule.file, {rule.line, 1},
                      "rule " + rule.id + " (" + rule.name +
                          ") takes an id or name of kep-lint's own diagnostics (KL...)");
    }
    if (!rule.exclude_list.empty()) s.settings_paths.push_back(rule.exclude_list);
  }
  for (const auto& [rule, _] : s.config.severities) {
    if (!s.pack->find_rule(rule) && !find_engine_rule(rule)) {
      auto at = s.config.severity_positions.find(rule);
      std::vector<std::string> known;
      for (const Rule& r : s.pack->rules) known.insert(known.end(), {r.id, r.name});
      for (const Rule& r : engine_pack().rules) known.insert(known.end(), {r.id, r.name});
      std::string hint = suggest(rule, known);
      throw RuleError(s.config.file,
                      at != s.config.severity_positions.end() ? at->second : Position{1, 1},
                      "config names unknown rule '" + rule + "' of pack " + s.pack->name +
                          (hint.empty() ? "" : " (" + hint + ")"));
    }
  }
  for (const DocumentSpec& spec : s.pack->layout.shared_documents) {
    s.settings_paths.push_back(spec.path_template);
  }
  if (!s.config.baseline.empty()) s.settings_paths.push_back(s.config.baseline);

  // Dataset files: named on the command line (read from the file system, unless they lie in
  // the repository and settings come from the base), named in the config (repo-relative, from
  // the settings revision), or the pack's default file in the repository.
  struct Job {
    DatasetSpec spec;
    std::optional<fs::path> file;
    std::shared_future<std::shared_ptr<const DatasetFile>> preread;
  };
  // A dataset file read from the repository (settings revision) is parsed right away.
  auto from_repository = [](const SourcePtr& source) {
    auto file = std::make_shared<DatasetFile>();
    file->doc.emplace(YamlDocument::parse(source));
    return std::shared_future<std::shared_ptr<const DatasetFile>>(
        std::async(std::launch::deferred, [file]() -> std::shared_ptr<const DatasetFile> {
          return file;
        }).share());
  };
  std::vector<Job> jobs;
  for (const DatasetSpec& spec : s.pack->datasets) {
    Job job{spec, std::nullopt, {}};
    if (auto it = options.dataset_files.find(spec.name); it != options.dataset_files.end()) {
      job.file = it->second;
      std::string rel = inside_repository(*s.repo, it->second);
      if (!rel.empty() && s.settings_from_base()) {
        ReadResult r = s.settings->read(rel);
        if (!r.ok()) {
          throw std::runtime_error("dataset " + spec.name + ": cannot read " + rel +
                                   " at the base revision: " + r.detail);
        }
        job.preread = from_repository(r.source);
        s.settings_paths.push_back(rel);
      } else {
        if (!fs::is_regular_file(*job.file)) {
          throw std::runtime_error("dataset " + spec.name + ": cannot read " + job.file->string());
        }
        // A large sigs.yaml parses while proposals do.
        job.preread = std::async(std::launch::async, [name = spec.name, file = *job.file] {
                        return read_dataset_file(name, file);
                      }).share();
      }
    } else if (auto c = s.config.datasets.find(spec.name); c != s.config.datasets.end()) {
      // Config paths are repo-relative and must stay inside the repository.
      ReadResult r = s.settings->read(c->second);
      if (!r.ok()) {
        throw RuleError(s.config.file, s.config.dataset_positions.at(spec.name),
                        "dataset " + spec.name + " '" + c->second + "': " + r.detail);
      }
      job.file = c->second;
      job.preread = from_repository(r.source);
      s.settings_paths.push_back(c->second);
    } else if (!spec.repo_file.empty()) {
      s.settings_paths.push_back(spec.repo_file);
    }
    jobs.push_back(std::move(job));
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
  // files read above are parsed. The head and the base share one set.
  const Repository* settings = s.settings;
  std::shared_future<RunContext::Datasets> datasets =
      std::async(std::launch::deferred, [jobs = std::move(jobs), settings] {
        RunContext::Datasets out;
        for (const Job& job : jobs) {
          Dataset data;
          try {
            data = load_dataset(job.spec, *settings, job.file,
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
  }
  s.run = std::make_unique<RunContext>(*s.repo, *s.pack, datasets, variables, s.settings);
  if (!variables.contains("planned-release") && !s.pack->release_derive_from.empty()) {
    auto derived = std::make_shared<Session::DerivedRelease>();
    s.derived_release = derived;
    auto compute = [derived, settings = s.settings, pack = s.pack.get()] {
      std::call_once(derived->once, [&] {
        derived->value = derive_planned_release(*settings, pack->layout, pack->release_derive_from);
        derived->done = true;
      });
      return derived->value.version.empty() ? std::nullopt
                                            : std::optional<std::string>(derived->value.version);
    };
    s.run->set_lazy_variable("planned-release", compute);
  }
  if (s.base_repo) {
    s.base_run =
        std::make_unique<RunContext>(*s.base_repo, *s.pack, datasets, variables, s.settings);
    if (s.derived_release) {
      // The same derivation (from the settings revision) serves both runs.
      s.base_run->set_lazy_variable(
          "planned-release", [run = s.run.get()] { return run->variable("planned-release"); });
    }
  }
  std::sort(s.settings_paths.begin(), s.settings_paths.end());
  s.settings_paths.erase(std::unique(s.settings_paths.begin(), s.settings_paths.end()),
                         s.settings_paths.end());
  return s;
}

std::vector<std::string> Session::notes() const {
  std::vector<std::string> out;
  if (derived_release && derived_release->done && !derived_release->value.note.empty()) {
    out.push_back(derived_release->value.note);
  }
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
  // Fail closed: a rule needed a dataset the run could not find (often a run from the wrong
  // directory), so its verdict would be a silent pass.
  for (const std::string& name : run->unavailable_datasets()) {
    const auto& optional = config.optional_datasets;
    if (std::find(optional.begin(), optional.end(), name) != optional.end()) continue;
    // A dataset the pack declares `required: false` is checked by the rules that need it: they
    // report on each proposal that it could not be consulted.
    bool self_reported =
        std::any_of(pack->datasets.begin(), pack->datasets.end(),
                    [&](const DatasetSpec& d) { return d.name == name && !d.values_required; });
    if (self_reported) continue;
    auto it = run->datasets().find(name);
    std::string why = it != run->datasets().end() ? it->second.error : "not declared by the pack";
    throw std::runtime_error("dataset " + name + " is needed but unavailable (" + why +
                             "); run from the repository root or give --repo, or list it under "
                             "optional-datasets in .kep-lint.yaml to skip the rules that need it");
  }
}

}  // namespace keplint
