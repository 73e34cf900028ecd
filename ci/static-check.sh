#!/usr/bin/env bash
# Builds kep-lint with KEP_LINT_STATIC=ON and checks that it is self-contained: readelf shows no
# NEEDED library but glibc's, and the binary, copied alone into an empty directory, lints the
# example repository (exit 1: the example has planted mistakes).
# Usage: ci/static-check.sh [BUILD_DIR]   (default build-static)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-static}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEP_LINT_STATIC=ON \
  -DKEP_LINT_TESTS=OFF >/dev/null
cmake --build "$build" --target kep-lint >/dev/null
needed=$(readelf -d "$build/kep-lint" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort)
unexpected=$(echo "$needed" | grep -Ev '^(libc\.so\.6|libm\.so\.6|ld-linux.*|libpthread\.so\.0|libdl\.so\.2)$' || true)
if [ -n "$unexpected" ]; then
  echo "static-check.sh: $build/kep-lint needs more than glibc:" >&2
  echo "$unexpected" >&2
  exit 1
fi
alone=$(mktemp -d)
trap 'rm -rf "$alone"' EXIT
cp "$build/kep-lint" "$alone/"
rc=0
(cd "$alone" && ./kep-lint --repo "$root/examples/enhancements" --quiet >/dev/null) || rc=$?
if [ "$rc" -ne 1 ]; then
  echo "static-check.sh: the static binary exited $rc on the example, expected 1" >&2
  exit 1
fi
echo "static-check.sh: $build/kep-lint needs only: $(echo $needed)"
