#include "engine/condition.h"

#include <re2/re2.h>

#include "document/text.h"
#include "engine/field_path.h"
#include "engine/version.h"

namespace keplint {

struct Condition::Node {
  enum class Op {
    All,
    Any,
    Not,  // combinators
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    Matches,  // field predicates
    VersionAtLeast,
    VersionBelow,
    Changed,
    TargetsRelease
  };
  Op op = Op::All;
  std::vector<Node> children;
  std::string field;
  std::vector<std::string> values;
  bool flag = true;  // exists: true/false, changed: true/false
  std::shared_ptr<const re2::RE2> regex;
};

namespace {

using Op = Condition::Node::Op;

struct PredicateName {
  const char* name;
  Op op;
};
constexpr PredicateName kPredicates[] = {
    {"equals", Op::Equals},
    {"not-equals", Op::NotEquals},
    {"in", Op::In},
    {"not-in", Op::NotIn},
    {"exists", Op::Exists},
    {"matches", Op::Matches},
    {"version-at-least", Op::VersionAtLeast},
    {"version-below", Op::VersionBelow},
};

Condition::Node parse_node(const YamlNode* node, const std::string& file);

Condition::Node parse_predicates(const std::string& field, const YamlNode* spec,
                                 const std::string& file) {
  Condition::Node all;
  all.op = Op::All;
  if (spec->is_scalar()) {  // shorthand: `status: implementable`
    Condition::Node eq;
    eq.op = Op::Equals;
    eq.field = field;
    eq.values = {spec->resolved().value};
    all.children.push_back(std::move(eq));
    return all;
  }
  Params params(spec, file, "condition on '" + field + "'");
  for (const YamlEntry& e : spec->resolved().entries) {
    const std::string& name = e.key->value;
    Condition::Node pred;
    pred.field = field;
    bool known = false;
    for (const auto& p : kPredicates) {
      if (name == p.name) {
        pred.op = p.op;
        known = true;
      }
    }
    if (!known) {
      std::vector<std::string> names;
      for (const auto& p : kPredicates) names.emplace_back(p.name);
      std::string hint = suggest(name, names);
      throw RuleError(file, e.key->range.start,
                      "unknown condition '" + name + "' (known: " + join(names) + ")" +
                          (hint.empty() ? "" : "; " + hint));
    }
    if (pred.op == Op::Exists) {
      pred.flag = params.boolean(name, true);
    } else if (pred.op == Op::Matches) {
      pred.regex = params.regex(name);
    } else {
      pred.values = params.strings(name);
      if (pred.op == Op::VersionAtLeast || pred.op == Op::VersionBelow) {
        // Every literal value must be a version ({placeholders} are checked at run time).
        for (const std::string& v : pred.values) {
          if (v.find('{') == std::string::npos && !parse_version(v)) {
            params.fail(name, "must be a version such as v1.21");
          }
        }
      }
    }
    all.children.push_back(std::move(pred));
  }
  params.finish();
  return all;
}

std::vector<Condition::Node> parse_list(const YamlNode* list, const std::string& file,
                                        const char* what) {
  if (!list->is_sequence()) {
    throw RuleError(file, list->range.start,
                    std::string("'") + what + "' takes a list of conditions");
  }
  std::vector<Condition::Node> out;
  for (const YamlNode* item : list->resolved().items) out.push_back(parse_node(item, file));
  return out;
}

Condition::Node parse_node(const YamlNode* node, const std::string& file) {
  if (!node->is_mapping()) {
    throw RuleError(file, node->range.start, "a condition must be a mapping of fields");
  }
  Condition::Node all;
  all.op = Op::All;
  for (const YamlEntry& e : node->resolved().entries) {
    const std::string& key = e.key->value;
    if (key == "all" || key == "any") {
      Condition::Node group;
      group.op = key == "all" ? Op::All : Op::Any;
      group.children = parse_list(e.value, file, key.c_str());
      all.children.push_back(std::move(group));
    } else if (key == "not") {
      Condition::Node negate;
      negate.op = Op::Not;
      negate.children.push_back(parse_node(e.value, file));
      all.children.push_back(std::move(negate));
    } else if (key == "targets-release") {
      // `targets-release: true`: the proposal targets the release given with --release, as the
      // pack's `release: targets:` condition defines it.
      Condition::Node targets;
      targets.op = Op::TargetsRelease;
      if (!e.value->is_scalar() ||
          (e.value->resolved().value != "true" && e.value->resolved().value != "false")) {
        throw RuleError(file, e.value->range.start, "'targets-release' must be true or false");
      }
      targets.flag = e.value->resolved().value == "true";
      all.children.push_back(std::move(targets));
    } else if (key == "changed") {
      // `changed: true`: the proposal is part of the changed-file set (or the whole repo is linted
      // by explicit paths); lets a pack hold old proposals to a lower standard.
      Condition::Node changed;
      changed.op = Op::Changed;
      if (!e.value->is_scalar() ||
          (e.value->resolved().value != "true" && e.value->resolved().value != "false")) {
        throw RuleError(file, e.value->range.start, "'changed' must be true or false");
      }
      changed.flag = e.value->resolved().value == "true";
      all.children.push_back(std::move(changed));
    } else {
      if (e.value->is_null()) {
        throw RuleError(file, e.key->range.start, "condition on '" + key + "' is empty");
      }
      std::string probe = fill_text_template(key, [](std::string_view) { return "x"; });
      std::string error = field_path_error(probe);
      if (!error.empty()) throw RuleError(file, e.key->range.start, error);
      all.children.push_back(parse_predicates(key, e.value, file));
    }
  }
  return all;
}

std::optional<std::string> substitute(const std::string& text, const ConditionInput& in) {
  if (text.find('{') == std::string::npos) return text;
  bool missing = false;
  std::string out =
      fill_text_template(text, [&](std::string_view name) -> std::optional<std::string> {
        std::optional<std::string> v = in.variables ? in.variables(name) : std::nullopt;
        if (!v) missing = true;
        return v;
      });
  if (missing) return std::nullopt;
  return out;
}

bool evaluate_node(const Condition::Node& n, const ConditionInput& in) {
  switch (n.op) {
    case Op::All:
      for (const auto& c : n.children) {
        if (!evaluate_node(c, in)) return false;
      }
      return true;
    case Op::Any:
      for (const auto& c : n.children) {
        if (evaluate_node(c, in)) return true;
      }
      return false;
    case Op::Not:
      return !evaluate_node(n.children.front(), in);
    case Op::Changed:
      return in.in_changed_set == n.flag;
    case Op::TargetsRelease: {
      bool targets = in.release_targets && in.variables && in.variables("release") &&
                     in.release_targets->evaluate(in);
      return targets == n.flag;
    }
    default:
      break;
  }
  std::optional<std::string> field = substitute(n.field, in);
  const YamlNode* value = field ? first_scalar(in.metadata, *field) : nullptr;
  if (n.op == Op::Exists) return (value != nullptr) == n.flag;
  if (!value) return n.op == Op::NotEquals || n.op == Op::NotIn;
  const std::string& text = value->value;
  auto any_value = [&](auto pred) {
    for (const std::string& raw : n.values) {
      std::optional<std::string> v = substitute(raw, in);
      if (v && pred(*v)) return true;
    }
    return false;
  };
  switch (n.op) {
    case Op::Equals:
    case Op::In:
      return any_value([&](const std::string& v) { return v == text; });
    case Op::NotEquals:
    case Op::NotIn:
      return !any_value([&](const std::string& v) { return v == text; });
    case Op::Matches:
      return re2::RE2::PartialMatch(text, *n.regex);
    case Op::VersionAtLeast:
    case Op::VersionBelow: {
      std::optional<Version> actual = parse_version(text);
      if (!actual) return false;
      return any_value([&](const std::string& v) {
        std::optional<Version> limit = parse_version(v);
        if (!limit) return false;
        return n.op == Op::VersionAtLeast ? *actual >= *limit : *actual < *limit;
      });
    }
    default:
      return false;
  }
}

}  // namespace

Condition::Condition() = default;
Condition::~Condition() = default;
Condition::Condition(Condition&&) noexcept = default;
Condition& Condition::operator=(Condition&&) noexcept = default;

Condition Condition::parse(const YamlNode* node, const std::string& file) {
  Condition c;
  if (node && !node->is_null()) c.root_ = std::make_unique<Node>(parse_node(node, file));
  return c;
}

bool Condition::evaluate(const ConditionInput& input) const {
  return !root_ || evaluate_node(*root_, input);
}

bool Condition::always() const {
  return !root_;
}

}  // namespace keplint
