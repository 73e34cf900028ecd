#include "repo/change_source.h"

#include "repo/files_from.h"

namespace keplint {

ResolvedChanges resolve_changes(const ChangeRequest& request, const std::filesystem::path& root,
                                const CiEnvironment& ci, std::istream& stdin_stream) {
  ResolvedChanges out;
  if (!request.files_from.empty()) {
    out.set.files = read_files_from(request.files_from, root, stdin_stream);
    return out;
  }
  std::string rev = request.changed_from;
  out.base = rev;
  if (rev == "auto") {
    BaseRevision base = detect_base_revision(root, ci);
    rev = base.rev;
    out.base = base.rev + " (" + base.source + ")";
  }
  out.set = collect_changes(root, rev, request.detail);
  out.has_lines = request.detail == LineDetail::FilesAndLines;
  return out;
}

}  // namespace keplint
