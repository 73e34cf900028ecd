// Loading a rule's `check:` mapping against its kind's declared parameters (check.h).
#include <re2/re2.h>

#include <algorithm>

#include "document/text.h"
#include "engine/check.h"
#include "engine/field_path.h"
#include "engine/rule_error.h"
#include "repo/glob.h"
#include "repo/path_template.h"

namespace keplint {

std::string_view param_type_name(ParamType type) {
  switch (type) {
    case ParamType::String:
      return "text";
    case ParamType::Strings:
      return "text or list of text";
    case ParamType::Boolean:
      return "true or false";
    case ParamType::Integer:
      return "whole number";
    case ParamType::Regex:
      return "RE2 regex";
    case ParamType::FieldPath:
      return "field path";
    case ParamType::Glob:
      return "glob";
    case ParamType::Globs:
      return "glob or list of globs";
    case ParamType::Mapping:
      return "mapping";
    case ParamType::List:
      return "list";
  }
  return "value";
}

namespace {

class Validator {
 public:
  Validator(const std::string& file, const std::string& what) : file_(file), what_(what) {}

  [[noreturn]] void fail(const YamlNode* at, const std::string& message) const {
    throw RuleError(file_, at->range.start, what_ + ": " + message);
  }

  void scalar(const ParamSpec& spec, const YamlNode* value) const {
    const std::string name(spec.name);
    if (!value->is_scalar()) fail(value, "'" + name + "' must be a single value");
    const std::string& text = value->resolved().value;
    if (!spec.allowed.empty()) {
      std::vector<std::string> allowed(spec.allowed.begin(), spec.allowed.end());
      if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
        std::string hint = suggest(text, allowed);
        fail(value, "'" + name + "' is '" + text + "', not one of: " + join(allowed) +
                        (hint.empty() ? "" : " (" + hint + ")"));
      }
    }
    switch (spec.type) {
      case ParamType::Boolean:
        if (text != "true" && text != "false") fail(value, "'" + name + "' must be true or false");
        break;
      case ParamType::Integer: {
        std::size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
        bool digits =
            text.size() > start && text.find_first_not_of("0123456789", start) == std::string::npos;
        if (!digits) fail(value, "'" + name + "' must be a whole number");
        break;
      }
      case ParamType::Regex: {
        re2::RE2::Options options;
        options.set_log_errors(false);
        re2::RE2 re(text, options);
        if (!re.ok()) {
          fail(value, "'" + name + "' is not a valid RE2 regular expression: " + re.error());
        }
        break;
      }
      case ParamType::FieldPath: {
        // {placeholders} are filled at run time; validate the rest.
        std::string probe = fill_text_template(text, [](std::string_view) { return "x"; });
        std::string error = field_path_error(probe);
        if (!error.empty()) fail(value, "'" + name + "' " + error);
        break;
      }
      case ParamType::Glob:
      case ParamType::Globs: {
        std::string error = glob_error(text);
        if (!error.empty()) fail(value, "glob '" + text + "' " + error);
        break;
      }
      default:
        break;
    }
  }

  void check(const ParamSpec& spec, const YamlNode* value) const {
    const std::string name(spec.name);
    switch (spec.type) {
      case ParamType::Strings:
      case ParamType::Globs:
        if (value->is_sequence()) {
          for (const YamlNode* item : value->resolved().items) scalar(spec, item);
          return;
        }
        if (!value->is_scalar()) fail(value, "'" + name + "' must be a value or a list of values");
        scalar(spec, value);
        return;
      case ParamType::Mapping:
        if (!value->is_mapping()) fail(value, "'" + name + "' must be a mapping");
        return;
      case ParamType::List:
        if (!value->is_sequence()) fail(value, "'" + name + "' must be a list");
        return;
      default:
        scalar(spec, value);
    }
  }

 private:
  const std::string& file_;
  const std::string& what_;
};

}  // namespace

void validate_check_params(const CheckKind& kind, const YamlNode* check, const std::string& file,
                           const std::string& what) {
  Validator v(file, what);
  const YamlNode& mapping = check->resolved();
  if (mapping.kind != YamlKind::Mapping) v.fail(check, "expected a mapping");
  std::vector<std::string> accepted;
  for (const ParamSpec& spec : kind.params) accepted.emplace_back(spec.name);
  for (const YamlEntry& e : mapping.entries) {
    if (!e.key->is_scalar()) v.fail(e.key, "keys must be plain names");
    const std::string& key = e.key->resolved().value;
    if (key == "kind") continue;
    auto spec = std::find_if(kind.params.begin(), kind.params.end(),
                             [&](const ParamSpec& s) { return s.name == key; });
    if (spec == kind.params.end()) {
      std::string hint = suggest(key, accepted);
      v.fail(e.key, "unknown key '" + key + "' for check kind '" + std::string(kind.name) +
                        "' (accepted: " + (accepted.empty() ? "none" : join(accepted)) + ")" +
                        (hint.empty() ? "" : "; " + hint));
    }
    if (e.value->is_null()) {
      if (spec->required) v.fail(e.value, "'" + key + "' is required and cannot be empty");
      continue;
    }
    v.check(*spec, e.value);
  }
  for (const ParamSpec& spec : kind.params) {
    if (spec.required && !mapping.get(spec.name)) {
      v.fail(check, "'" + std::string(spec.name) + "' is required for check kind '" +
                        std::string(kind.name) + "'");
    }
  }
}

}  // namespace keplint
