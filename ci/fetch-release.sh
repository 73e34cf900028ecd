#!/usr/bin/env bash
# Downloads a kep-lint release binary for this machine and verifies it against the release's
# SHA256SUMS before anything runs it. Prints the binary's path. Used by action.yml at a release
# tag, so a workflow needs no compiler and no apt.
# Usage: ci/fetch-release.sh VERSION DEST_DIR     (VERSION like 0.1.0 or v0.1.0)
# KEP_LINT_RELEASE_URL overrides where releases live (tests serve a fake one on loopback).
set -euo pipefail
version=${1:?usage: ci/fetch-release.sh VERSION DEST_DIR}
dest=${2:?usage: ci/fetch-release.sh VERSION DEST_DIR}
version=${version#v}
base=${KEP_LINT_RELEASE_URL:-https://github.com/kep-lint/kep-lint/releases/download}
os=$(uname -s)
arch=$(uname -m)
case "$arch" in aarch64) arch=arm64 ;; amd64) arch=x86_64 ;; esac
name="kep-lint-$version-$os-$arch"
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {  # url file
  curl --fail --silent --show-error --location --proto '=https,http' --retry 3 -o "$2" "$1" ||
    { echo "fetch-release.sh: cannot download $1" >&2; exit 1; }
}
fetch "$base/v$version/SHA256SUMS" "$work/SHA256SUMS"
fetch "$base/v$version/$name.tar.gz" "$work/$name.tar.gz"
expected=$(awk -v f="$name.tar.gz" '$2 == f || $2 == "*" f { print $1 }' "$work/SHA256SUMS")
if [ -z "$expected" ]; then
  echo "fetch-release.sh: SHA256SUMS of v$version lists no $name.tar.gz (no build for $os/$arch?)" >&2
  exit 1
fi
actual=$(sha256sum "$work/$name.tar.gz" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
  echo "fetch-release.sh: checksum mismatch for $name.tar.gz: expected $expected, got $actual" >&2
  exit 1
fi
tar -xzf "$work/$name.tar.gz" -C "$work"
install -m 0755 "$work/$name/bin/kep-lint" "$dest/kep-lint"
echo "$dest/kep-lint"
