#include "report/check_kind_docs.h"

#include <cctype>

namespace keplint {

namespace {

std::string_view scope_text(CheckScope scope) {
  switch (scope) {
    case CheckScope::Proposal:
      return "once per proposal: `applies-to: proposal` or a document role of the layout "
             "(`applies-to: metadata`)";
    case CheckScope::Repository:
      return "once per repository: `applies-to: repository`";
    case CheckScope::File:
      return "once per matching file: `applies-to: files` with `files:` globs";
  }
  return "";
}

// A table cell: pipes escaped, so a description cannot break the table.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\";
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string render_check_kind_doc(const CheckKind& kind, const std::vector<Pack>& packs) {
  std::string out;
  out += "# " + std::string(kind.name) + "\n\n";
  out +=
      "<!-- Generated from lib/checks/registry.cpp by tests/check_kind_docs_test.cpp; do not "
      "edit. -->\n\n";
  std::string summary(kind.summary);
  if (!summary.empty()) summary[0] = static_cast<char>(std::toupper(summary[0]));
  out += summary + ".\n\n";
  out += "**Runs:** " + std::string(scope_text(kind.scope)) + ".\n\n";
  out += "## Parameters\n\n";
  if (kind.params.empty()) {
    out += "None: `check: {kind: " + std::string(kind.name) + "}`.\n\n";
  } else {
    out += "| key | type | required | values | description |\n";
    out += "|---|---|---|---|---|\n";
    for (const ParamSpec& spec : kind.params) {
      std::string allowed;
      for (std::string_view a : spec.allowed) {
        allowed += (allowed.empty() ? "" : ", ") + std::string("`") + std::string(a) + "`";
      }
      out += "| `" + std::string(spec.name) + "` | " + std::string(param_type_name(spec.type)) +
             " | " + (spec.required ? "yes" : "no") + " | " + allowed + " | " +
             cell(spec.description) + " |\n";
    }
    out += "\nAny other key is an error when the pack loads.\n\n";
  }
  out += "## Example\n\n```yaml\ncheck: " + std::string(kind.example) + "\n```\n";
  std::string used;
  for (const Pack& pack : packs) {
    for (const Rule& rule : pack.rules) {
      if (rule.kind != kind.name) continue;
      used += "- [" + rule.id + "](../rules/" + rule.id + ".md) `" + rule.name + "` (" + pack.name +
              ")\n";
    }
  }
  if (!used.empty()) out += "\n## Built-in rules of this kind\n\n" + used;
  return out;
}

std::string render_check_kinds_index() {
  std::string out =
      "# Check kinds\n\n<!-- Generated from lib/checks/registry.cpp by "
      "tests/check_kind_docs_test.cpp; do not edit. -->\n\n"
      "A rule in a pack instantiates one of these kinds with parameters (`check: {kind: ..., "
      "...}`); see [../pack-reference.md](../pack-reference.md) for the rest of a pack.\n\n"
      "| kind | runs | what it checks |\n|---|---|---|\n";
  for (const CheckKind& kind : check_kinds()) {
    std::string_view runs = kind.scope == CheckScope::Proposal     ? "proposal"
                            : kind.scope == CheckScope::Repository ? "repository"
                                                                   : "files";
    out += "| [" + std::string(kind.name) + "](" + std::string(kind.name) + ".md) | " +
           std::string(runs) + " | " + cell(kind.summary) + " |\n";
  }
  return out;
}

}  // namespace keplint
