#!/usr/bin/env bash
# ci/fetch-release.sh against a fake release served on loopback: a good download runs, a
# tampered archive and a missing architecture are refused. Usage: fetch_release_test.sh KEP_LINT
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=$1
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

version=9.8.7
name="kep-lint-$version-$(uname -s)-$(uname -m | sed 's/aarch64/arm64/')"
mkdir -p "$work/site/v$version" "$work/pkg/$name/bin"
cp "$binary" "$work/pkg/$name/bin/kep-lint"
tar -czf "$work/site/v$version/$name.tar.gz" -C "$work/pkg" "$name"
(cd "$work/site/v$version" && sha256sum "$name.tar.gz" >SHA256SUMS)

python3 -m http.server 0 --bind 127.0.0.1 --directory "$work/site" >"$work/server.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || fail "the test server did not start: $(cat "$work/server.log")"
export KEP_LINT_RELEASE_URL="http://127.0.0.1:$port"

got=$("$root/ci/fetch-release.sh" "v$version" "$work/bin")
[ "$got" = "$work/bin/kep-lint" ] || fail "printed '$got'"
"$got" --version | grep -q '^kep-lint ' || fail "the downloaded binary does not run"

# A tampered archive: the checksum no longer matches, nothing is installed.
echo tampered >>"$work/site/v$version/$name.tar.gz"
rm -f "$work/bin/kep-lint"
if "$root/ci/fetch-release.sh" "$version" "$work/bin" 2>"$work/err"; then fail "tampered archive accepted"; fi
grep -q "checksum mismatch" "$work/err" || fail "no checksum message: $(cat "$work/err")"
[ ! -e "$work/bin/kep-lint" ] || fail "a tampered binary was installed"

# A release without this architecture.
(cd "$work/site/v$version" && echo "0000  kep-lint-$version-Plan9-mips.tar.gz" >SHA256SUMS)
if "$root/ci/fetch-release.sh" "$version" "$work/bin" 2>"$work/err"; then fail "missing build accepted"; fi
grep -q "lists no $name.tar.gz" "$work/err" || fail "no missing-build message: $(cat "$work/err")"
echo "fetch-release: 3 passed, 0 failed"
