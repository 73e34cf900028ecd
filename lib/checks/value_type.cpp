// value-type: fields have the YAML shape the schema expects.
//   types: {title: string, authors: list, milestone: mapping, disable-supported: boolean}
//   required: [kep-number]    fields that must also be present with a value (upstream's
//                             `validate:"required"`), reported at the top of the file
#include "checks/field_values.h"

namespace keplint {

namespace {

enum class Shape { String, List, Mapping, Boolean, StringList };

const char* shape_name(Shape s) {
  switch (s) {
    case Shape::String:
      return "a single value";
    case Shape::List:
      return "a list";
    case Shape::Mapping:
      return "a mapping";
    case Shape::Boolean:
      return "true or false";
    case Shape::StringList:
      return "a list of single values";
  }
  return "";
}

// Upstream reads kep.yaml with sigs.k8s.io/yaml, which resolves booleans as yaml.v2 (YAML 1.1)
// does: `disable-supported: yes` is true there, so it is a boolean here too.
bool is_yaml11_bool(const std::string& v) {
  static const char* const kWords[] = {
      "y",    "Y",    "yes",   "Yes",   "YES",   "n",  "N",  "no", "No",  "NO",  "true",
      "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"};
  for (const char* w : kWords) {
    if (v == w) return true;
  }
  return false;
}

bool fits(const YamlNode& n, Shape s) {
  const YamlNode& v = n.resolved();
  switch (s) {
    case Shape::String:
      return v.kind == YamlKind::Scalar;
    case Shape::List:
      return v.kind == YamlKind::Sequence;
    case Shape::Mapping:
      return v.kind == YamlKind::Mapping;
    case Shape::Boolean:
      return v.kind == YamlKind::Scalar && v.plain && is_yaml11_bool(v.value);
    case Shape::StringList:
      if (v.kind != YamlKind::Sequence) return false;
      // An empty item ("-" alone) is an empty value, not a wrong shape: upstream reads "".
      for (const YamlNode* item : v.items) {
        if (item->resolved().kind != YamlKind::Scalar && !item->is_null()) return false;
      }
      return true;
  }
  return false;
}

class ValueTypeCheck : public Check {
 public:
  explicit ValueTypeCheck(Params& p) {
    const YamlNode* types = p.node("types");
    if (!types || !types->is_mapping())
      p.fail("types", "must map fields to string, list, string-list, mapping or boolean");
    for (const YamlEntry& e : types->resolved().entries) {
      std::string t = e.value->is_scalar() ? e.value->resolved().value : "";
      Shape s;
      if (t == "string")
        s = Shape::String;
      else if (t == "list")
        s = Shape::List;
      else if (t == "string-list")
        s = Shape::StringList;
      else if (t == "mapping")
        s = Shape::Mapping;
      else if (t == "boolean")
        s = Shape::Boolean;
      else
        p.fail_at(e.value, "type must be string, list, string-list, mapping or boolean");
      types_.emplace_back(e.key->value, s);
    }
    required_ = p.strings("required", true);
  }

  void check_proposal(ProposalContext& ctx) const override {
    const YamlNode* root = ctx.document()->yaml_root();
    for (const std::string& field : required_) {
      FieldLookup found = lookup_field(root, field);
      bool set = false;
      for (const FieldMatch& m : found.matches) set = set || !m.node->is_null();
      if (set) continue;
      Range at = found.matches.empty() ? Range::line(1) : value_range(found.matches.front());
      ctx.report(location_of(*ctx.document(), at, field), {{"field", field}, {"expected", ""}},
                 "{field} is missing");
    }
    for (const auto& [field, shape] : types_) {
      for (const FieldMatch& m : lookup_field(root, field).matches) {
        if (m.node->is_null() || fits(*m.node, shape)) continue;
        ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                   {{"field", m.path}, {"expected", shape_name(shape)}},
                   "{field} must be {expected}");
      }
    }
  }

 private:
  std::vector<std::pair<std::string, Shape>> types_;
  std::vector<std::string> required_;
};

}  // namespace

std::unique_ptr<Check> make_value_type_check(Params& p) {
  return std::make_unique<ValueTypeCheck>(p);
}

}  // namespace keplint
