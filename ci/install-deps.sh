#!/usr/bin/env bash
# Installs kep-lint's build and test dependencies from Debian packages.
# Idempotent: installs only what is missing, and does nothing when all is present.
# Usage: ci/install-deps.sh [--bench] [--fuzz] [--sarif] [--package]
#   --sarif: what ci/validate-sarif.sh needs (npm, and jsonschema for /usr/bin/python3)
#   --package: what ci/package.sh needs to build and check the .deb (dpkg-dev, lintian)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libyaml-cpp-dev nlohmann-json3-dev libcmark-dev libre2-dev
  libgtest-dev libgmock-dev libfmt-dev libcli11-dev
  python3 help2man gzip
)
for arg in "$@"; do
  case "$arg" in
    --bench) packages+=(hyperfine time) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    --package) packages+=(dpkg-dev file lintian) ;;
    --sarif)
      packages+=(python3-jsonschema)
      # Any npm will do (a NodeSource nodejs ships its own); Debian's only when there is none.
      command -v npm >/dev/null 2>&1 || packages+=(npm)
      ;;
    *) echo "install-deps.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps.sh: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
