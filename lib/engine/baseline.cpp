#include "engine/baseline.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "engine/coverage.h"
#include "engine/engine_rules.h"
#include "engine/rule_error.h"
// to_valid_utf8(): keys are written as JSON, which must be valid UTF-8, and must match what is
// read back.
#include "report/utf8_text.h"

namespace keplint {

namespace {

using Json = nlohmann::json;
using Key = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>;

Key key_of(const BaselineEntry& e) {
  return {e.rule, e.proposal, e.path, e.anchor};
}

// Offsets of the objects nested three deep (the entries of the top-level "entries" array), in
// order, found by a scan that skips strings. Only used on text that parsed as JSON.
std::vector<std::size_t> entry_offsets(std::string_view text, std::size_t& array_offset) {
  std::vector<std::size_t> out;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (depth == 1 && c == '[') array_offset = i;
      if (depth == 2 && c == '{') out.push_back(i);
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return out;
}

std::string parse_error_detail(const std::string& what) {
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
  std::size_t column = what.find("column ");
  std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

Baseline parse_baseline(const SourcePtr& source) {
  const std::string& file = source->path();
  const std::string& text = source->text();
  auto fail = [&](std::size_t offset, const std::string& message) -> void {
    throw RuleError(file, source->position_of(offset), message);
  };
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    fail(e.byte > 0 ? e.byte - 1 : 0,
         "baseline is not valid JSON: " + parse_error_detail(e.what()));
  }
  if (!doc.is_object()) fail(0, "baseline must be a JSON object with \"version\" and \"entries\"");
  for (const auto& [key, _] : doc.items()) {
    if (key != "version" && key != "entries") {
      fail(0, "unknown field \"" + key + "\" in the baseline (expected version and entries)");
    }
  }
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() ||
      version->get<long long>() != kBaselineVersion) {
    fail(0, "baseline \"version\" must be " + std::to_string(kBaselineVersion) +
                (version == doc.end() ? " (it is missing)" : ", not " + version->dump()));
  }
  auto entries = doc.find("entries");
  if (entries == doc.end() || !entries->is_array()) {
    fail(0, "baseline \"entries\" must be a list");
  }
  std::size_t array_offset = 0;
  std::vector<std::size_t> offsets = entry_offsets(text, array_offset);

  Baseline out;
  out.file = file;
  out.source = source;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::size_t> seen;
  std::size_t index = 0;
  for (const Json& item : *entries) {
    std::size_t at = index < offsets.size() ? offsets[index] : array_offset;
    ++index;
    if (!item.is_object()) fail(at, "baseline entry must be an object");
    BaselineEntry e;
    e.position = source->position_of(at);
    for (const auto& [key, value] : item.items()) {
      std::string* field = key == "rule"       ? &e.rule
                           : key == "proposal" ? &e.proposal
                           : key == "path"     ? &e.path
                           : key == "anchor"   ? &e.anchor
                                               : nullptr;
      if (field) {
        if (!value.is_string()) fail(at, "baseline entry field \"" + key + "\" must be a string");
        *field = value.get<std::string>();
      } else if (key == "count") {
        if (!value.is_number_integer() || value.get<long long>() < 1 ||
            value.get<long long>() > 1000000) {
          fail(at, "baseline entry \"count\" must be a whole number from 1 up");
        }
        e.count = static_cast<int>(value.get<long long>());
      } else {
        fail(at, "unknown field \"" + key +
                     "\" in a baseline entry (expected rule, proposal, path, anchor, count)");
      }
    }
    for (const char* required : {"rule", "proposal", "path", "anchor"}) {
      if (!item.contains(required)) {
        fail(at, std::string("baseline entry has no \"") + required + "\"");
      }
    }
    if (e.rule.empty() || e.path.empty()) fail(at, "baseline entry needs a rule and a path");
    auto [it, inserted] =
        seen.emplace(std::tuple(e.rule, e.proposal, e.path, e.anchor), out.entries.size());
    if (inserted) {
      out.entries.push_back(std::move(e));
    } else {
      out.entries[it->second].count += e.count;  // a key written twice: both are accepted
    }
  }
  return out;
}

std::string render_baseline(std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.proposal, a.path, a.rule, a.anchor) <
           std::tie(b.proposal, b.path, b.rule, b.anchor);
  });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i;
    long long count = 0;
    for (; j < entries.size() && entries[j].same_key(entries[i]); ++j) count += entries[j].count;
    if (count > 0) {
      nlohmann::ordered_json e;
      e["rule"] = entries[i].rule;
      e["proposal"] = entries[i].proposal;
      e["path"] = entries[i].path;
      e["anchor"] = entries[i].anchor;
      e["count"] = count;
      list.push_back(std::move(e));
    }
    i = j;
  }
  nlohmann::ordered_json doc;
  doc["version"] = kBaselineVersion;
  doc["entries"] = std::move(list);
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string baseline_anchor(const Finding& f) {
  return f.anchor.empty() ? f.message : f.anchor;
}

BaselineEntry baseline_key(const Finding& f) {
  BaselineEntry e;
  e.rule = f.rule_id;
  e.proposal = to_valid_utf8(f.proposal);
  e.path = to_valid_utf8(f.path);
  e.anchor = to_valid_utf8(baseline_anchor(f));
  return e;
}

namespace {

bool rule_active(const Report& report, const std::string& id) {
  return std::any_of(report.rules.begin(), report.rules.end(),
                     [&](const RuleInfo& r) { return r.id == id; });
}

// Whether this run would have reported the entry's finding were the problem still there.
bool checked(const Report& report, const BaselineEntry& e) {
  if (find_engine_rule(e.rule) && !rule_active(report, e.rule)) return false;
  return !report.coverage || report.coverage->checked(e.rule, e.proposal, e.path);
}

}  // namespace

BaselineResult apply_baseline(Report& report, const Baseline& baseline) {
  BaselineResult result;
  std::map<Key, std::size_t> index;
  for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
    index.emplace(key_of(baseline.entries[i]), i);
  }
  std::vector<int> remaining;
  for (const BaselineEntry& e : baseline.entries) remaining.push_back(e.count);
  std::vector<bool> matched(baseline.entries.size(), false);
  std::erase_if(report.findings, [&](const Finding& f) {
    if (f.rule_id == kStaleBaselineEntry) return false;
    BaselineEntry k = baseline_key(f);
    auto it = index.find(key_of(k));
    if (it == index.end()) return false;
    matched[it->second] = true;
    if (remaining[it->second] == 0) return false;  // more than recorded: the later ones show
    --remaining[it->second];
    ++result.accepted;
    return true;
  });

  Severity severity = Severity::Off;
  for (const RuleInfo& r : report.rules) {
    if (r.id == kStaleBaselineEntry) severity = r.severity;
  }
  for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
    const BaselineEntry& e = baseline.entries[i];
    if (matched[i] || !checked(report, e)) continue;
    result.stale.push_back(e);
    if (severity == Severity::Off) continue;
    Finding f =
        engine_finding(kStaleBaselineEntry, severity,
                       "baseline entry matches no finding: " + e.rule + " in " + e.path + " at '" +
                           e.anchor + "' is gone; remove the entry (--write-baseline prunes it)");
    f.path = baseline.file;
    f.range = e.position.valid() ? Range::at(e.position) : Range{};
    f.source = baseline.source;
    f.anchor = e.rule + " " + e.path + " " + e.anchor;
    report.findings.push_back(std::move(f));
  }
  sort_findings(report.findings);
  return result;
}

std::vector<BaselineEntry> updated_baseline(const Report& report, const Baseline* previous) {
  std::vector<BaselineEntry> out;
  for (const Finding& f : report.findings) {
    if (f.rule_id != kStaleBaselineEntry) out.push_back(baseline_key(f));
  }
  if (previous) {
    for (const BaselineEntry& e : previous->entries) {
      if (!checked(report, e)) out.push_back(e);  // not looked at: kept as it was
    }
  }
  return out;
}

}  // namespace keplint
