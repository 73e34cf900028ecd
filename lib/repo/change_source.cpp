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
  // In CI the change under test is never empty: a base that is HEAD (PULL_BASE_SHA=HEAD, a
  // mis-wired job) would lint nothing and pass. Locally, "what is uncommitted" is a fair ask.
  if (ci.kind != CiKind::Local && out.set.base_commit == out.set.head_commit) {
    throw GitError("the base revision " + out.base + " is HEAD itself (merge base " +
                   out.set.base_commit +
                   "): the change set is empty and nothing would be linted; pass the pull "
                   "request's base commit");
  }
  out.has_lines = request.detail == LineDetail::FilesAndLines;
  return out;
}

}  // namespace keplint
