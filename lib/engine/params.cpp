#include "engine/params.h"

#include <algorithm>

#include "document/text.h"
#include "engine/field_path.h"
#include "repo/glob.h"

namespace keplint {

Params::Params(const YamlNode* node, std::string file, std::string what)
    : node_(node ? &node->resolved() : nullptr), file_(std::move(file)), what_(std::move(what)) {
  if (!node_ || node_->kind != YamlKind::Mapping) {
    Position p = node ? node->range.start : Position{1, 1};
    throw RuleError(file_, p, what_ + ": expected a mapping");
  }
}

bool Params::has(std::string_view key) const {
  const YamlNode* v = node_->get(key);
  return v && !v->is_null();
}

const YamlNode* Params::value(std::string_view key) {
  used_.emplace(key);
  const YamlNode* v = node_->get(key);
  return v && !v->is_null() ? &v->resolved() : nullptr;
}

void Params::fail(std::string_view key, const std::string& message) const {
  const YamlEntry* e = node_->find(key);
  Position p = e ? e->value->range.start : node_->range.start;
  throw RuleError(file_, p, what_ + ": '" + std::string(key) + "' " + message);
}

void Params::fail_at(const YamlNode* node, const std::string& message) const {
  throw RuleError(file_, node ? node->range.start : node_->range.start, what_ + ": " + message);
}

std::string Params::string(std::string_view key) {
  const YamlNode* v = value(key);
  if (!v) fail(key, "is required");
  if (v->kind != YamlKind::Scalar) fail(key, "must be a single value");
  return v->value;
}

std::optional<std::string> Params::optional_string(std::string_view key) {
  if (!has(key)) {
    used_.emplace(key);
    return std::nullopt;
  }
  return string(key);
}

std::string Params::string_or(std::string_view key, std::string fallback) {
  std::optional<std::string> v = optional_string(key);
  return v ? *v : std::move(fallback);
}

std::vector<std::string> Params::strings(std::string_view key, bool optional) {
  const YamlNode* v = value(key);
  std::vector<std::string> out;
  if (!v) {
    if (!optional) fail(key, "is required");
    return out;
  }
  if (v->kind == YamlKind::Scalar) {
    out.push_back(v->value);
    return out;
  }
  if (v->kind != YamlKind::Sequence) fail(key, "must be a value or a list of values");
  for (const YamlNode* item : v->items) {
    if (!item->is_scalar()) fail_at(item, "'" + std::string(key) + "' items must be single values");
    out.push_back(item->resolved().value);
  }
  return out;
}

bool Params::boolean(std::string_view key, bool fallback) {
  const YamlNode* v = value(key);
  if (!v) return fallback;
  if (v->kind == YamlKind::Scalar && (v->value == "true" || v->value == "false")) {
    return v->value == "true";
  }
  fail(key, "must be true or false");
}

int Params::integer(std::string_view key, int fallback, int min, int max) {
  const YamlNode* v = value(key);
  if (!v) return fallback;
  try {
    std::size_t used = 0;
    int n = std::stoi(v->value, &used);
    if (used == v->value.size() && n >= min && n <= max) return n;
  } catch (const std::exception&) {
  }
  fail(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
}

std::shared_ptr<const re2::RE2> Params::regex(std::string_view key, bool optional) {
  if (optional && !has(key)) {
    used_.emplace(key);
    return nullptr;
  }
  std::string pattern = string(key);
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<re2::RE2>(pattern, options);
  if (!re->ok()) fail(key, "is not a valid RE2 regular expression: " + re->error());
  return re;
}

std::string Params::field_path(std::string_view key, bool optional) {
  if (optional && !has(key)) {
    used_.emplace(key);
    return "";
  }
  std::string path = string(key);
  // {placeholders} are filled from metadata at run time; validate the rest.
  std::string probe;
  bool in_var = false;
  for (char c : path) {
    if (c == '{') in_var = true;
    if (!in_var) probe.push_back(c);
    if (c == '}') {
      in_var = false;
      probe.push_back('x');
    }
  }
  std::string error = field_path_error(probe);
  if (!error.empty()) fail(key, error);
  return path;
}

std::vector<std::string> Params::globs(std::string_view key, bool optional) {
  std::vector<std::string> out = strings(key, optional);
  const YamlNode* v = node_->get(key);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::string error = glob_error(out[i]);
    if (error.empty()) continue;
    const YamlNode* at = v && v->is_sequence() ? v->resolved().items[i] : v;
    fail_at(at, "glob '" + out[i] + "' " + error);
  }
  return out;
}

std::string Params::choice(std::string_view key, const std::vector<std::string>& allowed,
                           std::string fallback) {
  std::optional<std::string> v = optional_string(key);
  if (!v) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *v) != allowed.end()) return *v;
  std::string hint = suggest(*v, allowed);
  fail(key,
       "is '" + *v + "', not one of: " + join(allowed) + (hint.empty() ? "" : " (" + hint + ")"));
}

const YamlNode* Params::node(std::string_view key) {
  return value(key);
}

Params Params::child(std::string_view key) {
  const YamlNode* v = value(key);
  if (!v) fail(key, "is required");
  return Params(v, file_, what_ + " " + std::string(key));
}

void Params::finish() const {
  for (const YamlEntry& e : node_->entries) {
    if (e.key->kind != YamlKind::Scalar) fail_at(e.key, "keys must be plain names");
    if (!used_.count(e.key->value)) {
      std::vector<std::string> accepted(used_.begin(), used_.end());
      std::string hint = suggest(e.key->value, accepted);
      throw RuleError(file_, e.key->range.start,
                      what_ + ": unknown key '" + e.key->value + "' (" +
                          (hint.empty() ? "" : hint + " ") + "accepted: " + join(accepted) + ")");
    }
  }
}

}  // namespace keplint
