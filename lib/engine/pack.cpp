#include "engine/pack.h"

#include "engine/project_home.h"
#include "repo/user_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "document/text.h"
#include "engine/embedded_packs.h"
#include "engine/version.h"
#include "repo/path_template.h"

namespace keplint {

const Rule* Pack::find_rule(std::string_view id_or_name) const {
  for (const Rule& r : rules) {
    if (r.id == id_or_name || r.name == id_or_name) return &r;
  }
  return nullptr;
}

Rule* Pack::find_rule(std::string_view id_or_name) {
  return const_cast<Rule*>(static_cast<const Pack&>(*this).find_rule(id_or_name));
}

namespace {

YamlDocument parse_pack_file(const std::string& display, const std::string& text) {
  auto source = std::make_shared<SourceFile>(display, text);
  YamlDocument doc = YamlDocument::parse(source);
  for (const YamlProblem& p : doc.problems()) throw RuleError(display, p.range.start, p.message);
  if (!doc.root() || !doc.root()->is_mapping()) {
    throw RuleError(display, {1, 1}, "expected a mapping at the top of the file");
  }
  return doc;
}

bool valid_id(const std::string& id) {
  static const re2::RE2 pattern("[A-Z][A-Z0-9-]*[0-9]+");
  return re2::RE2::FullMatch(id, pattern);
}

bool valid_name(const std::string& name) {
  static const re2::RE2 pattern("[a-z0-9]+(-[a-z0-9]+)*");
  return re2::RE2::FullMatch(name, pattern);
}

DocumentFormat parse_format(Params& p) {
  std::string f = p.has("format") ? p.choice("format", {"yaml", "markdown", "front-matter"}, "")
                                  : p.string("format");
  if (f == "yaml") return DocumentFormat::Yaml;
  if (f == "markdown") return DocumentFormat::Markdown;
  return DocumentFormat::FrontMatter;
}

Layout parse_layout(Params layout) {
  Layout out;
  Params proposals = layout.child("proposals");
  if (const YamlNode* m = proposals.node("marker"); m && !m->is_scalar()) {
    proposals.fail("marker", "must be a single glob");
  }
  out.proposals.marker = proposals.globs("marker").front();
  out.proposals.file_is_proposal =
      proposals.choice("unit", {"directory", "file"}, "directory") == "file";
  out.proposals.exclude = proposals.globs("exclude", true);
  if (proposals.has("key")) {
    Params key = proposals.child("key");
    out.proposals.key_field = key.string("field");
    out.proposals.key_pattern = key.regex("pattern");
    if (out.proposals.key_pattern->NumberOfCapturingGroups() != 1) {
      key.fail("pattern", "must have exactly one capturing group");
    }
    key.finish();
  }
  proposals.finish();

  const YamlNode* docs = layout.node("documents");
  if (!docs || !docs->is_mapping()) layout.fail("documents", "must map roles to documents");
  for (const YamlEntry& e : docs->resolved().entries) {
    Params d(e.value, layout.file(), "document '" + e.key->value + "'");
    DocumentSpec spec;
    spec.role = e.key->value;
    spec.path_template = d.string("path");
    spec.format = parse_format(d);
    spec.primary = d.boolean("primary", false);
    if (const YamlNode* f = d.node("family"); f && !f->is_scalar()) {
      d.fail("family", "must be a single glob");
    }
    spec.family = d.has("family") ? d.globs("family").front() : "";
    d.finish();
    if (spec.role == "proposal" || spec.role == "repository") {
      throw RuleError(layout.file(), e.key->range.start,
                      "'" + spec.role + "' is a reserved role name");
    }
    out.documents.push_back(std::move(spec));
  }
  if (out.documents.empty()) layout.fail("documents", "must declare at least one document");
  if (std::count_if(out.documents.begin(), out.documents.end(),
                    [](const DocumentSpec& d) { return d.primary; }) > 1) {
    layout.fail("documents", "may have only one primary document");
  }
  out.shared_files = layout.globs("shared-files", true);
  if (const YamlNode* shared = layout.node("shared-documents")) {
    if (!shared->is_mapping()) layout.fail("shared-documents", "must map roles to documents");
    for (const YamlEntry& e : shared->resolved().entries) {
      Params d(e.value, layout.file(), "shared document '" + e.key->value + "'");
      DocumentSpec spec;
      spec.role = e.key->value;
      spec.path_template = d.string("path");
      spec.format = parse_format(d);
      d.finish();
      if (spec.path_template.find('{') != std::string::npos) {
        d.fail("path", "of a shared document cannot use {variables}");
      }
      out.shared_documents.push_back(std::move(spec));
    }
  }
  layout.finish();
  return out;
}

struct DataFile {
  std::vector<std::string> values;
  std::string source;
};

std::vector<DatasetSpec> parse_datasets(Params& pack, const std::map<std::string, DataFile>& data) {
  std::vector<DatasetSpec> out;
  const YamlNode* node = pack.node("datasets");
  if (!node) return out;
  if (!node->is_mapping()) pack.fail("datasets", "must map dataset names to their sources");
  for (const YamlEntry& e : node->resolved().entries) {
    Params d(e.value, pack.file(), "dataset '" + e.key->value + "'");
    DatasetSpec spec;
    spec.name = e.key->value;
    spec.description = d.string_or("description", "");
    spec.repo_file = d.string_or("file", "");
    spec.values_required = d.boolean("required", true);
    spec.select = d.strings("select", true);
    if (auto fallback = d.optional_string("fallback")) {
      auto it = data.find(*fallback);
      if (it == data.end()) d.fail("fallback", "names no data file in the pack: " + *fallback);
      spec.fallback_values = it->second.values;
      spec.fallback_source = it->second.source;
    }
    if (spec.select.empty() && !spec.repo_file.empty()) d.fail("select", "is required with 'file'");
    d.finish();
    out.push_back(std::move(spec));
  }
  return out;
}

std::vector<RuleExample> parse_examples(Params& examples, std::string_view key) {
  std::vector<RuleExample> out;
  const YamlNode* list = examples.node(key);
  if (!list) return out;
  if (!list->is_sequence()) examples.fail(key, "must be a list of {file, text}");
  for (const YamlNode* item : list->resolved().items) {
    Params ex(item, examples.file(), "example");
    out.push_back({ex.string("file"), ex.string("text")});
    ex.finish();
  }
  return out;
}

// Check parameters that name something the pack declares: `document` (a document role),
// `template` (a shared document) and `dataset`. A typo there would otherwise only show up as a
// rule that silently never fires.
void check_references(const YamlNode* check_node, const std::string& file, const Layout& layout,
                      const std::vector<DatasetSpec>& datasets) {
  auto fail = [&](const YamlNode* value, const std::string& message) {
    throw RuleError(file, value->range.start, message);
  };
  auto names = [](const auto& items, auto name_of) {
    std::string list;
    for (const auto& item : items) list += (list.empty() ? "" : ", ") + name_of(item);
    return list.empty() ? std::string("none") : list;
  };
  if (const YamlNode* doc = check_node->get("document"); doc && doc->is_scalar()) {
    if (!layout.document(doc->resolved().value)) {
      fail(doc, "document '" + doc->resolved().value +
                    "' is not a document of the layout (declared: " +
                    names(layout.documents, [](const DocumentSpec& d) { return d.role; }) + ")");
    }
  }
  if (const YamlNode* tmpl = check_node->get("template"); tmpl && tmpl->is_scalar()) {
    bool found =
        std::any_of(layout.shared_documents.begin(), layout.shared_documents.end(),
                    [&](const DocumentSpec& d) { return d.role == tmpl->resolved().value; });
    if (!found) {
      fail(tmpl, "template '" + tmpl->resolved().value +
                     "' is not a shared document of the layout (declared: " +
                     names(layout.shared_documents, [](const DocumentSpec& d) { return d.role; }) +
                     ")");
    }
  }
  if (const YamlNode* set = check_node->get("dataset"); set && set->is_scalar()) {
    bool found = std::any_of(datasets.begin(), datasets.end(),
                             [&](const DatasetSpec& d) { return d.name == set->resolved().value; });
    if (!found) {
      fail(set, "dataset '" + set->resolved().value + "' is not declared in pack.yaml (declared: " +
                    names(datasets, [](const DatasetSpec& d) { return d.name; }) + ")");
    }
  }
}

Rule parse_rule(const YamlNode* node, const std::string& file, const Layout& layout,
                const std::vector<DatasetSpec>& datasets) {
  Rule rule;
  const YamlNode* id = node && node->is_mapping() ? node->get("id") : nullptr;
  Params r(node, file, id && id->is_scalar() ? "rule " + id->resolved().value : "rule");
  rule.id = r.string("id");
  if (!valid_id(rule.id)) r.fail("id", "must look like KEP003 (capitals then digits)");
  rule.name = r.string("name");
  if (!valid_name(rule.name)) r.fail("name", "must be kebab-case");
  rule.file = file;
  rule.line = node->range.start.line;
  const std::vector<std::string> severities = {"error", "warning", "info", "off"};
  std::string severity =
      r.has("severity") ? r.choice("severity", severities, "") : r.string("severity");
  auto sev = parse_severity(severity);
  if (!sev) r.fail("severity", "must be error, warning, info or off");
  rule.severity = *sev;
  if (r.has("whole-repo-severity")) {
    auto s = parse_severity(r.choice("whole-repo-severity", severities, ""));
    if (!s) r.fail("whole-repo-severity", "must be error, warning, info or off");
    rule.whole_repo_severity = s;
  }
  rule.description = r.string("description");
  rule.rationale = r.string_or("rationale", "");
  rule.applies_to = r.string("applies-to");
  if (rule.applies_to != "proposal" && rule.applies_to != "repository" &&
      rule.applies_to != "files" && !layout.document(rule.applies_to)) {
    r.fail("applies-to",
           "must be 'proposal', 'repository', 'files' or a document role of the layout");
  }
  if (rule.file_level()) {
    rule.files = r.globs("files");
    rule.exclude = r.globs("exclude", true);
    rule.exclude_list = r.string_or("exclude-list", "");
  }
  rule.when = Condition::parse(r.node("when"), file);
  rule.message = r.string_or("message", "");
  rule.tags = r.strings("tags", true);
  rule.supersedes = r.strings("supersedes", true);
  if (r.has("examples")) {
    Params examples = r.child("examples");
    rule.wrong = parse_examples(examples, "wrong");
    rule.right = parse_examples(examples, "right");
    rule.example_context = parse_examples(examples, "context");
    rule.example_release = examples.string_or("release", "");
    if (!rule.example_release.empty() &&
        (rule.example_release.front() != 'v' || !parse_version(rule.example_release))) {
      examples.fail("release", "must be a release written like v1.33");
    }
    examples.finish();
  }

  const YamlNode* check_node = r.node("check");
  if (!check_node) r.fail("check", "is required");
  Params check(check_node, file, "rule " + rule.id + " check");
  rule.kind = check.string("kind");
  const CheckKind* kind = find_check_kind(rule.kind);
  if (!kind) {
    std::vector<std::string> known;
    for (const CheckKind& k : check_kinds()) known.emplace_back(k.name);
    std::string hint = suggest(rule.kind, known);
    check.fail("kind", "names no check kind (known: " + join(known) + ")" +
                           (hint.empty() ? "" : "; " + hint));
  }
  CheckScope scope = rule.repository_level() ? CheckScope::Repository
                     : rule.file_level()     ? CheckScope::File
                                             : CheckScope::Proposal;
  if (kind->scope != scope) {
    const char* wanted = kind->scope == CheckScope::Repository ? "'repository'"
                         : kind->scope == CheckScope::File     ? "'files'"
                                                               : "'proposal' or a document role";
    r.fail("applies-to", std::string("must be ") + wanted + " for check kind '" + rule.kind + "'");
  }
  // The declaration first: unknown keys, shapes and allowed values, at the offending key or value.
  validate_check_params(*kind, check_node, file, "rule " + rule.id + " check");
  Params kind_params(check_node, file, "check kind '" + rule.kind + "' of rule " + rule.id);
  kind_params.string("kind");
  rule.check = kind->create(kind_params);
  // A declared key the factory did not read is one these settings ignore (`than:` with
  // `relation: equals`): an error too, and not an "unknown" one.
  for (const YamlEntry& e : check_node->resolved().entries) {
    if (e.key->is_scalar() && !kind_params.used().count(e.key->resolved().value)) {
      throw RuleError(file, e.key->range.start,
                      "rule " + rule.id + " check: '" + e.key->resolved().value +
                          "' does not apply with these settings of check kind '" + rule.kind +
                          "' (see docs/check-kinds/" + rule.kind + ".md)");
    }
  }
  kind_params.finish();
  check_references(check_node, file, layout, datasets);
  r.finish();
  return rule;
}

}  // namespace

Pack load_pack(const std::string& origin, const std::vector<PackFile>& files,
               std::string_view expected_name) {
  const PackFile* manifest = nullptr;
  std::map<std::string, DataFile> data;
  for (const PackFile& f : files) {
    if (f.path == "pack.yaml") manifest = &f;
    if (f.path.rfind("data/", 0) == 0) {
      YamlDocument doc = parse_pack_file(origin + "/" + f.path, f.text);
      Params p(doc.root(), origin + "/" + f.path, "data file");
      data[f.path] = {p.strings("values"), p.string("source")};
      p.string_or("description", "");
      p.finish();
    }
  }
  if (!manifest) throw RuleError(origin + "/pack.yaml", {1, 1}, "pack has no pack.yaml");

  Pack pack;
  pack.origin = origin;
  std::string manifest_name = origin + "/pack.yaml";
  YamlDocument doc = parse_pack_file(manifest_name, manifest->text);
  Params p(doc.root(), manifest_name, "pack");
  pack.name = p.string("name");
  if (!expected_name.empty() && pack.name != expected_name) {
    p.fail("name", "is '" + pack.name + "', but the pack is found as '" +
                       std::string(expected_name) + "' (its directory's name): rename one of them");
  }
  pack.description = p.string_or("description", "");
  pack.docs_url = p.string_or("docs-url", "");
  for (const std::string& v : template_variables(pack.docs_url)) {
    // Only the rule's id and name are known when the link is made: anything else would stay
    // in every finding's link as written.
    if (v != "id" && v != "name" && v != "kep-lint-docs") {
      p.fail("docs-url", "uses {" + v +
                             "}, which is not a variable here (known: {id}, {name}, "
                             "{kep-lint-docs}: the docs of this kep-lint's version)");
    }
  }
  pack.detect = p.strings("detect", true);
  pack.layout = parse_layout(p.child("layout"));
  pack.datasets = parse_datasets(p, data);
  if (p.has("release")) {
    Params release = p.child("release");
    const YamlNode* targets = release.node("targets");
    if (!targets) release.fail("targets", "is required");
    pack.release_targets = Condition::parse(targets, manifest_name);
    pack.has_release_targets = true;
    pack.release_derive_from = release.string_or("derive-from", "");
    release.finish();
  }
  p.finish();

  std::set<std::string> ids, names;
  for (const PackFile& f : files) {
    if (&f == manifest || f.path.find('/') != std::string::npos) continue;
    std::string display = origin + "/" + f.path;
    YamlDocument rules_doc = parse_pack_file(display, f.text);
    Params rf(rules_doc.root(), display, "rule file");
    const YamlNode* list = rf.node("rules");
    if (!list || !list->is_sequence()) rf.fail("rules", "must be a list of rules");
    rf.finish();
    for (const YamlNode* item : list->resolved().items) {
      Rule rule = parse_rule(item, display, pack.layout, pack.datasets);
      if (!ids.insert(rule.id).second) {
        throw RuleError(display, item->range.start, "rule id " + rule.id + " is defined twice");
      }
      if (!names.insert(rule.name).second) {
        throw RuleError(display, item->range.start, "rule name " + rule.name + " is defined twice");
      }
      rule.docs_url =
          fill_text_template(pack.docs_url, [&](std::string_view v) -> std::optional<std::string> {
            if (v == "id") return rule.id;
            if (v == "name") return rule.name;
            if (v == "kep-lint-docs") return project_docs_url();
            return std::nullopt;
          });
      pack.rules.push_back(std::move(rule));
    }
  }
  std::sort(pack.rules.begin(), pack.rules.end(),
            [](const Rule& a, const Rule& b) { return a.id < b.id; });
  for (Rule& rule : pack.rules) {
    for (std::string& other : rule.supersedes) {
      const Rule* found = pack.find_rule(other);
      if (!found || found == &rule) {
        throw RuleError(rule.file, {rule.line, 1},
                        "rule " + rule.id + " supersedes '" + other + "', which is no other rule");
      }
      other = found->id;
    }
  }
  return pack;
}

std::vector<std::string> builtin_pack_names() {
  std::set<std::string> names;
  for (const EmbeddedFile& f : embedded_pack_files()) {
    names.insert(std::string(f.path.substr(0, f.path.find('/'))));
  }
  return {names.begin(), names.end()};
}

Pack load_builtin_pack(std::string_view name) {
  std::vector<PackFile> files;
  std::string prefix = std::string(name) + "/";
  for (const EmbeddedFile& f : embedded_pack_files()) {
    if (f.path.substr(0, prefix.size()) == prefix) {
      files.push_back({std::string(f.path.substr(prefix.size())), std::string(f.text)});
    }
  }
  if (files.empty()) {
    std::string known;
    for (const auto& n : builtin_pack_names()) known += (known.empty() ? "" : ", ") + n;
    throw RuleError(std::string(name), {1, 1},
                    "no built-in pack named '" + std::string(name) + "' (built-in: " + known + ")");
  }
  Pack pack = load_pack("rules/" + std::string(name), files, name);
  pack.origin = "built-in";  // error messages above still name rules/<pack>/<file>
  return pack;
}

Pack load_pack_directory(const std::filesystem::path& dir, bool name_must_match) {
  namespace fs = std::filesystem;
  std::vector<PackFile> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".yaml") continue;
    ReadResult read = read_user_file(it->path().string(), Repository::kDefaultMaxFileSize);
    if (!read.ok()) {
      throw RuleError(it->path().string(), read.position.line ? read.position : Position{1, 1},
                      read.detail);
    }
    files.push_back({it->path().lexically_relative(dir).generic_string(), read.source->text()});
  }
  if (ec) throw RuleError(dir.string(), {1, 1}, "cannot read pack directory: " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const PackFile& a, const PackFile& b) { return a.path < b.path; });
  std::string expected;
  if (name_must_match) {
    fs::path normal = dir.lexically_normal();
    if (!normal.has_filename()) normal = normal.parent_path();
    if (normal.empty() || normal.filename() == "." || normal.filename() == "..") {
      normal = fs::weakly_canonical(dir, ec);
    }
    expected = normal.filename().string();
  }
  return load_pack(dir.generic_string(), files, expected);
}

}  // namespace keplint
