#include "repo/git_dir_guard.h"

#include <system_error>

namespace keplint {

bool names_git_directory(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == ".git") return true;
    start = end + 1;
  }
  return false;
}

bool resolves_into_git_directory(const std::filesystem::path& path) {
  if (names_git_directory(path.generic_string())) return true;
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  // A path that cannot be resolved (a loop) cannot be opened either.
  return !ec && names_git_directory(real.generic_string());
}

}  // namespace keplint
