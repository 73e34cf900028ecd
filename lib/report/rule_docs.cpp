#include "report/rule_docs.h"
#include "repo/user_file.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "engine/embedded_packs.h"
#include "parse/yaml_document.h"

namespace keplint {

namespace {

// The text of the pack file that defines `rule`: the embedded copy for built-in packs, else the
// file on disk. Empty when neither can be found.
std::string pack_file_text(const Rule& rule, const Pack& pack) {
  std::string builtin_prefix = "rules/" + pack.name + "/";
  if (pack.origin == "built-in" && rule.file.rfind(builtin_prefix, 0) == 0) {
    std::string embedded = pack.name + "/" + rule.file.substr(builtin_prefix.size());
    for (const EmbeddedFile& f : embedded_pack_files()) {
      if (f.path == embedded) return std::string(f.text);
    }
  }
  ReadResult read = read_user_file(rule.file, Repository::kDefaultMaxFileSize);
  return read.ok() ? std::string(read.source->text()) : "";
}

// The rule's mapping in its pack file (kept alive by `doc`), or null.
const YamlNode* rule_node(const std::optional<YamlDocument>& doc, const std::string& id) {
  const YamlNode* root = doc ? doc->root() : nullptr;
  const YamlNode* rules = root && root->is_mapping() ? root->get("rules") : nullptr;
  if (!rules || !rules->is_sequence()) return nullptr;
  for (const YamlNode* item : rules->resolved().items) {
    const YamlNode* rid = item->is_mapping() ? item->get("id") : nullptr;
    if (rid && rid->is_scalar() && rid->resolved().value == id) return item;
  }
  return nullptr;
}

bool needs_quotes(const std::string& s) {
  if (s.empty()) return true;
  if (s.find_first_of(":#,[]{}&*!|>'\"%@`\\\n") != std::string::npos) return true;
  return s.front() == ' ' || s.back() == ' ' || s.front() == '-' || s.front() == '?';
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

// A node as one line of flow-style YAML.
std::string flow(const YamlNode& node) {
  const YamlNode& n = node.resolved();
  switch (n.kind) {
    case YamlKind::Scalar:
      return (!n.plain || needs_quotes(n.value)) ? quote(n.value) : n.value;
    case YamlKind::Sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < n.items.size(); ++i) {
        out += (i ? ", " : "") + flow(*n.items[i]);
      }
      return out + "]";
    }
    case YamlKind::Mapping: {
      std::string out = "{";
      for (std::size_t i = 0; i < n.entries.size(); ++i) {
        out += (i ? ", " : "") + flow(*n.entries[i].key) + ": " + flow(*n.entries[i].value);
      }
      return out + "}";
    }
    default:
      return "null";
  }
}

// The check's parameters as a YAML block: long lists and mappings one entry per line.
std::string render_params(const YamlNode& check) {
  std::string out;
  for (const YamlEntry& e : check.resolved().entries) {
    std::string key = flow(*e.key);
    std::string value = flow(*e.value);
    const YamlNode& v = e.value->resolved();
    if (key.size() + value.size() + 2 <= 96 ||
        (v.kind != YamlKind::Sequence && v.kind != YamlKind::Mapping)) {
      out += key + ": " + value + "\n";
      continue;
    }
    out += key + ":\n";
    if (v.kind == YamlKind::Sequence) {
      for (const YamlNode* item : v.items) out += "  - " + flow(*item) + "\n";
    } else {
      for (const YamlEntry& inner : v.entries) {
        out += "  " + flow(*inner.key) + ": " + flow(*inner.value) + "\n";
      }
    }
  }
  return out;
}

std::string code(const std::string& s) {
  return s.find('`') == std::string::npos ? "`" + s + "`" : "`` " + s + " ``";
}

std::string code_list(const YamlNode& node, const std::string& joiner) {
  const YamlNode& n = node.resolved();
  if (n.kind != YamlKind::Sequence) return code(n.kind == YamlKind::Scalar ? n.value : flow(n));
  std::string out;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    if (i) out += i + 1 == n.items.size() ? joiner : ", ";
    const YamlNode& item = n.items[i]->resolved();
    out += code(item.kind == YamlKind::Scalar ? item.value : flow(item));
  }
  return out;
}

void describe_condition(const YamlNode& node, int depth, std::string& out, bool single_item);

void bullet(int depth, const std::string& text, std::string& out) {
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- " + text + "\n";
}

void describe_predicates(const std::string& field, const YamlNode& spec, int depth,
                         std::string& out) {
  const YamlNode& s = spec.resolved();
  if (s.kind != YamlKind::Mapping) {
    bullet(depth, code(field) + " is " + code_list(s, " or "), out);
    return;
  }
  for (const YamlEntry& e : s.entries) {
    const std::string& op = e.key->value;
    const YamlNode& v = e.value->resolved();
    std::string text;
    if (op == "equals") {
      text = "is " + code_list(v, " or ");
    } else if (op == "not-equals") {
      text = "is not " + code_list(v, " or ");
    } else if (op == "in") {
      text = "is one of " + code_list(v, " or ");
    } else if (op == "not-in") {
      text = "is none of " + code_list(v, " or ");
    } else if (op == "exists") {
      text = v.value == "false" ? "is not set" : "is set";
    } else if (op == "matches") {
      text = "matches the regular expression " + code_list(v, " or ");
    } else if (op == "version-at-least") {
      text = "is a version at least " + code_list(v, " or ");
    } else if (op == "version-below") {
      text = "is a version below " + code_list(v, " or ");
    } else {
      text = op + " " + code(flow(v));
    }
    bullet(depth, code(field) + " " + text, out);
  }
}

// Bullets for one condition mapping. Its terms all have to hold; when the caller needs a single
// item (a member of `any`, the operand of `not`) and there are several terms, they are grouped
// under "all of:" so that `not: {a: x, b: y}` does not read as "none of a, b".
void describe_condition(const YamlNode& node, int depth, std::string& out, bool single_item) {
  const YamlNode& n = node.resolved();
  if (n.kind != YamlKind::Mapping) {
    bullet(depth, code(flow(n)), out);
    return;
  }
  int term_depth = single_item ? depth + 1 : depth;
  std::string terms;
  int count = 0;
  for (const YamlEntry& e : n.entries) {
    const std::string& key = e.key->value;
    const YamlNode& v = e.value->resolved();
    if (key == "all" || key == "any") {
      bullet(term_depth, key == "all" ? "all of:" : "any of:", terms);
      for (const YamlNode* item : v.items) {
        describe_condition(*item, term_depth + 1, terms, key == "any");
      }
      ++count;
    } else if (key == "not") {
      bullet(term_depth, "not:", terms);
      describe_condition(v, term_depth + 1, terms, true);
      ++count;
    } else if (key == "changed") {
      bullet(term_depth,
             v.value == "false" ? "the proposal is outside the changed-file set"
                                : "the proposal is in the changed-file set",
             terms);
      ++count;
    } else if (key == "targets-release") {
      bullet(term_depth,
             v.value == "false" ? "the proposal does not target the release given with `--release`"
                                : "the proposal targets the release given with `--release`",
             terms);
      ++count;
    } else {
      describe_predicates(key, v, term_depth, terms);
      count += v.kind == YamlKind::Mapping ? static_cast<int>(v.entries.size()) : 1;
    }
  }
  if (single_item && count > 1) {
    bullet(depth, "all of:", out);
    out += terms;
  } else if (single_item) {
    describe_condition(node, depth, out, false);
  } else {
    out += terms;
  }
}

void describe_condition(const YamlNode& node, int depth, std::string& out) {
  describe_condition(node, depth, out, false);
}

std::string fence_language(const std::string& file) {
  auto ends_with = [&](std::string_view suffix) {
    return file.size() >= suffix.size() &&
           file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".yaml") || ends_with(".yml") || file == "OWNERS_ALIASES") return "yaml";
  if (ends_with(".md")) return "markdown";
  if (ends_with(".json")) return "json";
  return "text";
}

void render_examples(const std::vector<RuleExample>& examples, std::string& out) {
  for (const RuleExample& ex : examples) {
    std::string text = ex.text;
    if (!text.empty() && text.back() != '\n') text += "\n";
    // A fence longer than any backtick run in the example.
    std::size_t longest = 0, run = 0;
    for (char c : text) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    out += code(ex.file) + ":\n\n" + fence + fence_language(ex.file) + "\n" + text + fence + "\n\n";
  }
}

std::string severity_text(const Rule& rule) {
  std::string out(severity_name(rule.severity));
  if (rule.whole_repo_severity && *rule.whole_repo_severity != rule.severity) {
    out += " for the proposals a run names (paths, changed files); " +
           std::string(severity_name(*rule.whole_repo_severity)) +
           " when the whole repository is linted";
  }
  return out;
}

std::string applies_to_text(const Rule& rule, const Pack& pack) {
  if (rule.applies_to == "proposal") return "each proposal (its files together)";
  if (rule.applies_to == "repository") return "the repository as a whole";
  if (rule.applies_to == "files") {
    std::string out = "files matching ";
    for (std::size_t i = 0; i < rule.files.size(); ++i)
      out += (i ? ", " : "") + code(rule.files[i]);
    for (std::size_t i = 0; i < rule.exclude.size(); ++i) {
      out += (i ? ", " : ", except ") + code(rule.exclude[i]);
    }
    if (!rule.exclude_list.empty()) {
      out += ", except the paths listed in " + code(rule.exclude_list);
    }
    return out;
  }
  const DocumentSpec* spec = pack.layout.document(rule.applies_to);
  if (!spec) return rule.applies_to;
  return "the " + rule.applies_to + " document, " + code(spec->path_template);
}

// Table cells: no line breaks, no unescaped pipes.
std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += ' ';
    } else if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_rule_doc(const Rule& rule, const Pack& pack) {
  std::optional<YamlDocument> doc;
  bool engine = rule.kind == "engine";  // kep-lint's own diagnostics, defined in C++
  if (std::string text = engine ? "" : pack_file_text(rule, pack); !text.empty()) {
    doc = YamlDocument::parse(std::make_shared<SourceFile>(rule.file, std::move(text)));
  }
  const YamlNode* node = rule_node(doc, rule.id);
  const YamlNode* when = node ? node->get("when") : nullptr;
  const YamlNode* check = node ? node->get("check") : nullptr;
  const CheckKind* kind = find_check_kind(rule.kind);

  std::string out;
  out += "<!-- Generated from " + rule.file +
         " by render_rule_doc; do not edit (see tests/rule_docs_test.cpp). -->\n";
  out += "# " + rule.id + " " + rule.name + "\n\n";
  out += rule.description + "\n\n";
  out += "| | |\n|---|---|\n";
  out += "| Severity | " + cell(severity_text(rule)) + " |\n";
  out += "| Applies to | " + cell(applies_to_text(rule, pack)) + " |\n";
  if (engine) {
    out += "| Check kind | built into kep-lint (not a rule of a pack; in every run) |\n";
  } else {
    out += "| Check kind | " + code(rule.kind);
    if (kind) out += ": " + cell(std::string(kind->summary));
    out += " |\n";
  }
  if (!rule.message.empty()) out += "| Message | " + cell(code(rule.message)) + " |\n";
  out += "| Pack | " + pack.name + " (" + code(rule.file) + ") |\n\n";

  out += "## When it applies\n\n";
  if (engine) {
    out += "Always, on " + rule.applies_to + ".\n\n";
  } else if (!rule.when.always() && (!when || when->is_null())) {
    out += "Only when the `when:` condition of the rule in " + code(rule.file) + " holds.\n\n";
  } else if (!when || when->is_null()) {
    out += "Always";
    if (rule.applies_to != "proposal" && rule.applies_to != "repository" &&
        rule.applies_to != "files") {
      out += ", when the " + rule.applies_to + " document exists";
    }
    out += ".\n\n";
  } else {
    std::string bullets;
    describe_condition(*when, 0, bullets);
    out += "Only when all of these hold";
    if (bullets.find('{') != std::string::npos) out += " (`{field}` stands for that field's value)";
    out += ":\n\n" + bullets + "\n";
  }

  if (!rule.rationale.empty()) out += "## Why\n\n" + rule.rationale + "\n\n";

  if (!rule.example_context.empty() || !rule.example_release.empty()) {
    out += "## Examples' context\n\n";
    if (!rule.example_release.empty()) {
      out += "The examples are linted with `--release " + rule.example_release + "`.\n\n";
    }
    if (!rule.example_context.empty()) {
      out += "Each example below sits in a repository that also holds:\n\n";
      render_examples(rule.example_context, out);
    }
  }

  out += "## Wrong\n\n";
  render_examples(rule.wrong, out);
  out += "## Right\n\n";
  render_examples(rule.right, out);

  if (check && check->is_mapping()) {
    out += "## Check parameters\n\n```yaml\n" + render_params(*check) + "```\n\n";
  }

  out += "## Configuration\n\n";
  out += "Change the severity, or turn the rule off, in `.kep-lint.yaml` by id or by name:\n\n";
  out += "```yaml\nrules:\n  " + rule.id +
         ": warning  # error, warning, info or off\n  # or: " + rule.name + ": off\n```\n\n";
  out +=
      "Findings under some paths can be dropped with `exclude:` globs in the same file, e.g. "
      "`exclude: [\"keps/sig-foo/**\"]`.\n";
  return out;
}

std::string render_rules_index(const Pack& pack) {
  std::string out;
  out += "<!-- Generated from the " + pack.name +
         " pack by render_rules_index; do not edit (see tests/rule_docs_test.cpp). -->\n";
  out += "# Rules of the " + pack.name + " pack\n\n";
  if (!pack.description.empty()) out += pack.description + ".\n\n";
  out +=
      "Severities in brackets apply when the whole repository is linted; the first one "
      "applies to the proposals a run names (paths, changed files).\n\n";
  out += "| Rule | Name | Severity | Applies to | Description |\n";
  out += "|---|---|---|---|---|\n";
  for (const Rule& rule : pack.rules) {
    std::string severity(severity_name(rule.severity));
    if (rule.whole_repo_severity && *rule.whole_repo_severity != rule.severity) {
      severity += " (" + std::string(severity_name(*rule.whole_repo_severity)) + ")";
    }
    out += "| [" + rule.id + "](" + rule.id + ".md) | " + rule.name + " | " + severity + " | " +
           rule.applies_to + " | " + cell(rule.description) + " |\n";
  }
  return out;
}

}  // namespace keplint
