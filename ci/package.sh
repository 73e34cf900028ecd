#!/usr/bin/env bash
# Builds the release packages from a configured build directory and checks them:
#   kep-lint-<version>-Linux-<arch>.tar.gz  the binary, man page, licence and docs
#   kep-lint_<version>_<arch>.deb           the same as a Debian package (lintian: no errors)
#   SHA256SUMS                              checksums of both
# Then installs each into a scratch directory and lints the example repository with it.
# Usage: ci/package.sh BUILD_DIR [OUT_DIR]   (needs: ci/install-deps.sh --package)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:?usage: ci/package.sh BUILD_DIR [OUT_DIR]}" && pwd)
out=${2:-$build/packages}
mkdir -p "$out"
out=$(cd "$out" && pwd)

cmake --build "$build" --target kep-lint kep-lint-man kep-lint-changelog
(cd "$build" && cpack -B "$out" -G "TGZ;DEB" >/dev/null)
rm -rf "$out/_CPack_Packages"
cd "$out"
tgz=$(ls kep-lint-*.tar.gz)
deb=$(ls kep-lint_*.deb)
sha256sum "$tgz" "$deb" >SHA256SUMS

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The example has planted mistakes: a working binary exits 1 on it, not 2.
check_binary() {  # kep-lint
  local rc=0
  "$1" --version | grep -q '^kep-lint ' || { echo "package.sh: $1 --version" >&2; exit 1; }
  "$1" --repo "$root/examples/enhancements" --quiet >/dev/null || rc=$?
  [ "$rc" -eq 1 ] || { echo "package.sh: $1 exited $rc on the example, expected 1" >&2; exit 1; }
}
mkdir "$scratch/tgz" "$scratch/deb"
tar -xzf "$tgz" -C "$scratch/tgz"
check_binary "$scratch/tgz/${tgz%.tar.gz}/bin/kep-lint"
dpkg-deb -x "$deb" "$scratch/deb"
check_binary "$scratch/deb/usr/bin/kep-lint"
[ -s "$scratch/deb/usr/share/man/man1/kep-lint.1.gz" ] || { echo "package.sh: no man page in $deb" >&2; exit 1; }
# Errors fail; warnings and info are listed.
if ! lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" >"$scratch/lintian.txt" 2>&1; then
  cat "$scratch/lintian.txt" >&2
  echo "package.sh: lintian found errors in $deb" >&2
  exit 1
fi
echo "packages in $out:"
cat SHA256SUMS
