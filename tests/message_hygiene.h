// Findings' messages are for people: no "{placeholder}" kep-lint left unfilled, no raw regex
// from a rule pack. Shared by the rule fixtures and the corpus runs, so every rule's messages
// are checked over both.
#pragma once

#include <re2/re2.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/embedded_packs.h"
#include "engine/finding.h"
#include "parse/yaml_document.h"

namespace keplint::testing {

// Every regex the built-in packs write (`regex:`, `matches:`, and `exclude:` lists of patterns).
inline const std::vector<std::string>& pack_regexes() {
  static const std::vector<std::string> regexes = [] {
    std::vector<std::string> out;
    std::function<void(const YamlNode*)> walk = [&](const YamlNode* n) {
      if (!n) return;
      const YamlNode& v = n->resolved();
      for (const YamlEntry& e : v.entries) {
        const std::string& key = e.key->value;
        if (key == "regex" || key == "matches") {
          if (e.value->is_scalar()) out.push_back(e.value->resolved().value);
          for (const YamlNode* item : e.value->resolved().items) {
            if (item->is_scalar()) out.push_back(item->resolved().value);
          }
        }
        walk(e.value);
      }
      for (const YamlNode* item : v.items) walk(item);
    };
    for (const EmbeddedFile& f : embedded_pack_files()) {
      YamlDocument doc = YamlDocument::parse(
          std::make_shared<SourceFile>(std::string(f.path), std::string(f.text)));
      walk(doc.root());
    }
    // Short patterns ("." or "^0\\.0$") could be ordinary text; only regex-looking ones count.
    std::erase_if(out, [](const std::string& r) {
      return r.size() < 6 || r.find_first_of("\\[(|^$") == std::string::npos;
    });
    return out;
  }();
  return regexes;
}

// Empty when the message is fine, else what is wrong with it.
inline std::string message_problem(const Finding& f) {
  static const re2::RE2 placeholder(R"(\{[a-z][a-z0-9._\[\]-]*\})");
  std::string hit;
  if (re2::RE2::PartialMatch(f.message, "(" + placeholder.pattern() + ")", &hit)) {
    return "unfilled placeholder " + hit;
  }
  for (const std::string& r : pack_regexes()) {
    if (f.message.find(r) != std::string::npos) return "raw regex " + r;
  }
  return "";
}

}  // namespace keplint::testing
