// Every check kind, by name. Adding a kind: write lib/checks/<kind>.cpp with its factory and
// add one line here.
#include "engine/check.h"

namespace keplint {

std::unique_ptr<Check> make_allowed_keys_check(Params&);
std::unique_ptr<Check> make_answer_implies_fields_check(Params&);
std::unique_ptr<Check> make_consistency_check(Params&);
std::unique_ptr<Check> make_date_check(Params&);
std::unique_ptr<Check> make_date_order_check(Params&);
std::unique_ptr<Check> make_file_exists_check(Params&);
std::unique_ptr<Check> make_file_readable_check(Params&);
std::unique_ptr<Check> make_heading_matches_check(Params&);
std::unique_ptr<Check> make_html_comments_check(Params&);
std::unique_ptr<Check> make_index_check(Params&);
std::unique_ptr<Check> make_links_check(Params&);
std::unique_ptr<Check> make_listed_in_check(Params&);
std::unique_ptr<Check> make_member_of_check(Params&);
std::unique_ptr<Check> make_misspelling_check(Params&);
std::unique_ptr<Check> make_one_of_check(Params&);
std::unique_ptr<Check> make_orphan_documents_check(Params&);
std::unique_ptr<Check> make_path_matches_check(Params&);
std::unique_ptr<Check> make_path_date_check(Params&);
std::unique_ptr<Check> make_pattern_check(Params&);
std::unique_ptr<Check> make_proposal_discovery_check(Params&);
std::unique_ptr<Check> make_prr_questionnaire_check(Params&);
std::unique_ptr<Check> make_references_check(Params&);
std::unique_ptr<Check> make_required_check(Params&);
std::unique_ptr<Check> make_required_headings_check(Params&);
std::unique_ptr<Check> make_section_content_check(Params&);
std::unique_ptr<Check> make_text_states_check(Params&);
std::unique_ptr<Check> make_title_once_check(Params&);
std::unique_ptr<Check> make_toc_check(Params&);
std::unique_ptr<Check> make_unique_check(Params&);
std::unique_ptr<Check> make_unresolved_blocks_check(Params&);
std::unique_ptr<Check> make_value_type_check(Params&);
std::unique_ptr<Check> make_yaml_valid_check(Params&);

const std::vector<CheckKind>& check_kinds() {
  static const std::vector<CheckKind> kinds = {
      {"allowed-keys", "only the listed keys appear in each mapping", CheckScope::Proposal,
       make_allowed_keys_check},
      {"answer-implies-fields", "an answer in the README requires metadata fields",
       CheckScope::Proposal, make_answer_implies_fields_check},
      {"consistency", "relations between fields: equals, version order", CheckScope::Proposal,
       make_consistency_check},
      {"date", "values are real calendar dates (YYYY-MM-DD)", CheckScope::Proposal,
       make_date_check},
      {"date-order",
       "one date field is not before another (last-updated >= creation-date)",
       CheckScope::Proposal,
       make_date_order_check,
       {{"earlier", ParamType::FieldPath, true, {}, "the field holding the earlier date"},
        {"later", ParamType::FieldPath, true, {}, "the field holding the later date"},
        {"strict", ParamType::Boolean, false, {}, "the later date may not be the same day"}}},
      {"file-exists", "a document of the proposal exists, spelled exactly", CheckScope::Proposal,
       make_file_exists_check},
      {"file-readable", "the proposal's documents can be read", CheckScope::Proposal,
       make_file_readable_check},
      {"heading-matches", "the title agrees with a metadata field", CheckScope::Proposal,
       make_heading_matches_check},
      {"html-comments", "HTML comments are closed, and nothing closes what was never opened",
       CheckScope::File, make_html_comments_check},
      {"index",
       "a shared document lists the proposals, with the fields they have",
       CheckScope::Repository,
       make_index_check,
       {{"file", ParamType::String, true, {}, "the index document (repo-relative path)"},
        {"entry",
         ParamType::Regex,
         true,
         {},
         "an entry line: group (?P<proposal>) names the proposal, other named groups are "
         "metadata fields the entry states"},
        {"section",
         ParamType::Regex,
         false,
         {},
         "a section line whose named groups apply to the entries below it"},
        {"key-field",
         ParamType::FieldPath,
         false,
         {},
         "match the proposal group to this metadata field (default: the proposal's path)"},
        {"listed",
         ParamType::Mapping,
         false,
         {},
         "a condition (as `when:`) selecting the proposals that must be listed (default: all)"}}},
      {"links",
       "relative links and images resolve to repository files, and #anchors to headings",
       CheckScope::Proposal,
       make_links_check,
       {{"anchors",
         ParamType::Boolean,
         false,
         {},
         "check #anchors against the target's headings and HTML ids (default true)"},
        {"ignore", ParamType::Regex, false, {}, "destinations (as written) to skip"}}},
      {"listed-in", "values appear in a field of another document of the proposal",
       CheckScope::Proposal, make_listed_in_check},
      {"member-of", "values belong to a dataset", CheckScope::Proposal, make_member_of_check},
      {"misspelling", "prose is free of common misspellings from a word list", CheckScope::File,
       make_misspelling_check},
      {"one-of", "values come from a fixed list", CheckScope::Proposal, make_one_of_check},
      {"orphan-documents", "every file of a document family belongs to a proposal",
       CheckScope::Repository, make_orphan_documents_check},
      {"path-matches", "a field agrees with the proposal's path", CheckScope::Proposal,
       make_path_matches_check},
      {"path-date",
       "a date field agrees with the date in the proposal's file or directory name",
       CheckScope::Proposal,
       make_path_date_check,
       {{"field", ParamType::FieldPath, true, {}, "the date field (YYYY-MM-DD)"},
        {"pattern",
         ParamType::Regex,
         false,
         {},
         "three groups (year, month, day) found in the proposal's base name; default "
         "^([0-9]{4})([0-9]{2})([0-9]{2})-"}}},
      {"pattern", "values match (or avoid) a regular expression", CheckScope::Proposal,
       make_pattern_check},
      {"proposal-discovery", "files that need a proposal lie in one", CheckScope::Repository,
       make_proposal_discovery_check},
      {"prr-questionnaire", "the PRR questions the stage requires are answered",
       CheckScope::Proposal, make_prr_questionnaire_check},
      {"references",
       "fields that name other proposals name existing ones, and reciprocal pairs agree",
       CheckScope::Repository,
       make_references_check,
       {{"field", ParamType::FieldPath, false, {}, "a field whose values name proposals"},
        {"fields", ParamType::Strings, false, {}, "fields whose values name proposals"},
        {"key-field",
         ParamType::FieldPath,
         false,
         {},
         "match values to this metadata field of each proposal (default: the proposal's path)"},
        {"ignore-values", ParamType::Strings, false, {}, "placeholders that name nothing (n/a)"},
        {"reciprocal",
         ParamType::Mapping,
         false,
         {},
         "field pairs that must agree: A's key field names B exactly when B's value field "
         "names A"}}},
      {"required", "fields are present and not empty", CheckScope::Proposal, make_required_check},
      {"required-headings", "the README has the template's headings", CheckScope::Proposal,
       make_required_headings_check},
      {"section-content", "a section is filled in, or free of template placeholders",
       CheckScope::Proposal, make_section_content_check},
      {"text-states",
       "a value the Markdown text states (a Status: line) agrees with the metadata",
       CheckScope::Proposal,
       make_text_states_check,
       {{"pattern",
         ParamType::Regex,
         true,
         {},
         "a line stating the value; its one group is the value"},
        {"field", ParamType::FieldPath, true, {}, "the metadata field the text repeats"},
        {"required", ParamType::Boolean, false, {}, "the text must state the value"}}},
      {"title-once",
       "the title heading appears once",
       CheckScope::Proposal,
       make_title_once_check,
       {{"level", ParamType::Integer, false, {}, "the title's heading level (default 1)"},
        {"required", ParamType::Boolean, false, {}, "the document must have a title heading"}}},
      {"toc",
       "the table of contents matches the headings (mdtoc- or doctoc-exact)",
       CheckScope::File,
       make_toc_check,
       {{"dialect",
         ParamType::String,
         false,
         {"mdtoc", "doctoc"},
         "the tool whose output the TOC must match: mdtoc (default; kubernetes) or doctoc "
         "(2.5.0, github mode; cluster-api)"},
        {"max-depth",
         ParamType::Integer,
         false,
         {},
         "deepest heading level listed: mdtoc's --max-depth (default 5), doctoc's --maxlevel "
         "(default: no limit)"},
        {"min-depth", ParamType::Integer, false, {}, "doctoc only: --minlevel (default 1)"},
        {"notitle", ParamType::Boolean, false, {}, "doctoc only: --notitle, no title line"},
        {"title",
         ParamType::String,
         false,
         {},
         "doctoc only: --title, the title line (default: keep the existing one)"},
        {"start-marker",
         ParamType::String,
         false,
         {},
         "mdtoc only: the opening marker (default <!-- toc -->)"},
        {"end-marker",
         ParamType::String,
         false,
         {},
         "mdtoc only: the closing marker (default <!-- /toc -->)"}}},
      {"unique",
       "a metadata field's value belongs to one proposal of the repository",
       CheckScope::Repository,
       make_unique_check,
       {{"field", ParamType::FieldPath, true, {}, "the field whose values must not repeat"},
        {"ignore-case", ParamType::Boolean, false, {}, "compare values case-insensitively"},
        {"ignore-values",
         ParamType::Strings,
         false,
         {},
         "placeholder values many proposals may share (NNNN, TBD)"},
        {"among",
         ParamType::Mapping,
         false,
         {},
         "a condition (as `when:`): only proposals where it holds take part"}}},
      {"unresolved-blocks", "UNRESOLVED blocks are balanced, or gone", CheckScope::Proposal,
       make_unresolved_blocks_check},
      {"value-type", "fields have the expected YAML shape", CheckScope::Proposal,
       make_value_type_check},
      {"yaml-valid", "the document is valid YAML without duplicate keys", CheckScope::Proposal,
       make_yaml_valid_check},
  };
  return kinds;
}

}  // namespace keplint
