// yaml-valid: the document parses as YAML; with `problems:` a rule can pick syntax errors,
// duplicate keys, extra documents or over-deep nesting separately.
#include "checks/field_values.h"

namespace keplint {

namespace {

struct ProblemName {
  const char* name;
  YamlProblem::Kind kind;
};
constexpr ProblemName kProblems[] = {
    {"syntax", YamlProblem::Kind::Syntax},
    {"duplicate-key", YamlProblem::Kind::DuplicateKey},
    {"multiple-documents", YamlProblem::Kind::MultipleDocuments},
    {"too-deep", YamlProblem::Kind::TooDeep},
};

std::string kind_name(YamlProblem::Kind kind) {
  for (const auto& k : kProblems) {
    if (k.kind == kind) return k.name;
  }
  return "yaml";
}

class YamlValidCheck : public Check {
 public:
  explicit YamlValidCheck(Params& p) {
    std::vector<std::string> names = p.strings("problems", true);
    if (names.empty()) names = {"syntax", "too-deep"};
    for (const std::string& n : names) {
      bool known = false;
      for (const auto& k : kProblems) {
        if (n == k.name) {
          kinds_.push_back(k.kind);
          known = true;
        }
      }
      if (!known)
        p.fail("problems",
               "'" + n + "' is not one of: syntax, duplicate-key, multiple-documents, too-deep");
    }
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* doc = ctx.document();
    if (!doc->yaml) {
      // A document declared as front matter that has none carries no metadata at all.
      if (doc->front_matter_unclosed) {
        ctx.report(location_of(*doc, Range::line(1), "front-matter"),
                   {{"problem", "unclosed front matter"}},
                   "the front matter opened on line 1 is never closed with '---'");
      } else if (doc->spec && doc->spec->format == DocumentFormat::FrontMatter) {
        ctx.report(
            location_of(*doc, Range::line(1), "front-matter"),
            {{"problem", "missing front matter"}},
            "the file has no YAML front matter (a first line '---', the metadata, then '---')");
      }
      return;
    }
    for (const YamlProblem& p : doc->yaml->problems()) {
      if (std::find(kinds_.begin(), kinds_.end(), p.kind) == kinds_.end()) continue;
      // Duplicate keys are anchored at the key; other problems at their kind (a syntax error's
      // message carries positions, which a baseline must not depend on).
      std::string anchor = !p.key.empty() ? p.key : kind_name(p.kind);
      ctx.report(location_of(*doc, p.range, anchor), {{"problem", p.message}, {"key", p.key}},
                 "{problem}");
    }
  }

 private:
  std::vector<YamlProblem::Kind> kinds_;
};

}  // namespace

std::unique_ptr<Check> make_yaml_valid_check(Params& p) {
  return std::make_unique<YamlValidCheck>(p);
}

}  // namespace keplint
