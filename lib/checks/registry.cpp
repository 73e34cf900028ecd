// Every check kind, by name. Adding a kind: write lib/checks/<kind>.cpp with its factory and
// add one line here.
#include "engine/check.h"

namespace keplint {

std::unique_ptr<Check> make_allowed_keys_check(Params&);
std::unique_ptr<Check> make_consistency_check(Params&);
std::unique_ptr<Check> make_date_check(Params&);
std::unique_ptr<Check> make_file_exists_check(Params&);
std::unique_ptr<Check> make_file_readable_check(Params&);
std::unique_ptr<Check> make_member_of_check(Params&);
std::unique_ptr<Check> make_one_of_check(Params&);
std::unique_ptr<Check> make_orphan_documents_check(Params&);
std::unique_ptr<Check> make_path_matches_check(Params&);
std::unique_ptr<Check> make_pattern_check(Params&);
std::unique_ptr<Check> make_proposal_discovery_check(Params&);
std::unique_ptr<Check> make_required_check(Params&);
std::unique_ptr<Check> make_value_type_check(Params&);
std::unique_ptr<Check> make_yaml_valid_check(Params&);

const std::vector<CheckKind>& check_kinds() {
  static const std::vector<CheckKind> kinds = {
      {"allowed-keys", "only the listed keys appear in each mapping", false,
       make_allowed_keys_check},
      {"consistency", "relations between fields: equals, version order", false,
       make_consistency_check},
      {"date", "values are real calendar dates (YYYY-MM-DD)", false, make_date_check},
      {"file-exists", "a document of the proposal exists, spelled exactly", false,
       make_file_exists_check},
      {"file-readable", "the proposal's documents can be read", false, make_file_readable_check},
      {"member-of", "values belong to a dataset", false, make_member_of_check},
      {"one-of", "values come from a fixed list", false, make_one_of_check},
      {"orphan-documents", "every file of a document family belongs to a proposal", true,
       make_orphan_documents_check},
      {"path-matches", "a field agrees with the proposal's path", false, make_path_matches_check},
      {"pattern", "values match (or avoid) a regular expression", false, make_pattern_check},
      {"proposal-discovery", "files that need a proposal lie in one", true,
       make_proposal_discovery_check},
      {"required", "fields are present and not empty", false, make_required_check},
      {"value-type", "fields have the expected YAML shape", false, make_value_type_check},
      {"yaml-valid", "the document is valid YAML without duplicate keys", false,
       make_yaml_valid_check},
  };
  return kinds;
}

}  // namespace keplint
