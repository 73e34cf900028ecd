// file-readable: the proposal's documents that exist can be read: not outside the repository
// through a symlink, not binary, not over the size limit, readable.
#include "checks/field_values.h"

namespace keplint {

namespace {

class FileReadableCheck : public Check {
 public:
  explicit FileReadableCheck(Params&) {}

  void check_proposal(ProposalContext& ctx) const override {
    for (const LoadedDocument& doc : ctx.proposal().documents) {
      if (doc.exists() || doc.path.empty() || doc.status == ReadResult::Status::NotFound) continue;
      // A whole-file finding, except for binary data: that has a first NUL byte to point at.
      Range at = doc.read_position.valid() ? Range::at(doc.read_position) : Range{};
      Location where{doc.path, at, nullptr, doc.spec ? doc.spec->role : doc.path};
      where.never_filtered = true;
      ctx.report(where, {{"path", doc.path}, {"reason", doc.read_detail}},
                 "{path} cannot be linted: {reason}");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_file_readable_check(Params& p) {
  return std::make_unique<FileReadableCheck>(p);
}

}  // namespace keplint
