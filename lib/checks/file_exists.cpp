// file-exists: a document of the proposal (by role, path from the layout) exists, spelled
// exactly. Reported on the primary document, at `report-at` when that field exists.
#include <algorithm>
#include <cctype>

#include "checks/field_values.h"
#include "engine/run_context.h"

namespace keplint {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

class FileExistsCheck : public Check {
 public:
  explicit FileExistsCheck(Params& p)
      : document_(p.string("document")), report_at_(p.field_path("report-at", true)) {}

  void check_proposal(ProposalContext& ctx) const override {
    const Proposal& proposal = ctx.proposal();
    const LoadedDocument* doc = proposal.document(document_);
    const LoadedDocument* anchor_doc = proposal.primary();
    if (!doc || !anchor_doc || doc == anchor_doc || !anchor_doc->exists()) return;
    if (doc->exists()) return;
    // Other statuses (outside the repo, binary, too large) belong to `file-readable`.
    if (doc->filled.ok() && doc->status != ReadResult::Status::NotFound) return;

    Range at = Range::line(1);
    if (!report_at_.empty()) {
      FieldLookup found = lookup_field(anchor_doc->yaml_root(), report_at_);
      if (!found.matches.empty() && found.matches.front().key)
        at = found.matches.front().key->range;
    }
    MessageVars vars{{"document", document_}, {"path", doc->path}, {"hint", ""}};
    Location where = location_of(*anchor_doc, at, document_);
    where.about_file = true;
    if (!doc->filled.ok()) {
      // Shown as <owning-sig>: a "{...}" in a message reads as a template kep-lint left unfilled.
      std::string shown = doc->spec->path_template;
      std::replace(shown.begin(), shown.end(), '{', '<');
      std::replace(shown.begin(), shown.end(), '}', '>');
      vars["path"] = shown;
      vars["hint"] = doc->filled.missing.empty()
                         ? " ('" + doc->filled.bad_variable + "' is '" + doc->filled.bad_value +
                               "', which is not a valid path segment)"
                         : " ('" + doc->filled.missing + "' is not set)";
      ctx.report(where, vars, "cannot locate the {document} file {path}{hint}");
      return;
    }
    // A near miss in case ("readme.md") gets its own hint: it works on macOS but not in CI.
    std::size_t slash = doc->path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : doc->path.substr(0, slash);
    std::string name = doc->path.substr(slash == std::string::npos ? 0 : slash + 1);
    for (const std::string& entry : ctx.run().repo().list_directory(dir)) {
      if (entry != name && lower(entry) == lower(name)) {
        vars["hint"] = " (found '" + entry + "'; the name must be exactly '" + name + "')";
      }
    }
    ctx.report(where, vars, "{document} file {path} does not exist{hint}");
  }

 private:
  std::string document_;
  std::string report_at_;
};

}  // namespace

std::unique_ptr<Check> make_file_exists_check(Params& p) {
  return std::make_unique<FileExistsCheck>(p);
}

}  // namespace keplint
