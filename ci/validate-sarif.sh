#!/usr/bin/env bash
# Validates kep-lint's SARIF against the official SARIF 2.1.0 JSON schema, which ships in the
# npm package @microsoft/sarif-multitool-linux (pinned below; fetched once into the build dir).
# Needs npm and /usr/bin/python3 with the jsonschema module (ci/install-deps.sh --sarif); the
# system python, because a python3 earlier on PATH (pyenv, a venv) may lack the module.
# Usage: ci/validate-sarif.sh [BUILD_DIR [FILE.sarif...]]
#   Without files it validates every document the SARIF reporter tests write
#   (they write them when KEP_LINT_SARIF_DUMP_DIR is set).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
package=@microsoft/sarif-multitool-linux@5.7.0
cache=$build/sarif-schema
schema=$cache/sarif-2.1.0.json

if [ ! -f "$schema" ]; then
  mkdir -p "$cache"
  tarball=$(cd "$cache" && npm pack --silent "$package" 2>/dev/null | tail -n 1)
  tar -xzf "$cache/$tarball" -C "$cache" package/sarif-2.1.0.json
  mv "$cache/package/sarif-2.1.0.json" "$schema"
  rm -rf "$cache/package" "${cache:?}/$tarball"
fi
# The pinned package's schema, byte for byte: a changed download is an error, not a new contract.
echo "1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c  $schema" | sha256sum --check --quiet -

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  dump=$(mktemp -d)
  trap 'rm -rf "$dump"' EXIT
  KEP_LINT_SARIF_DUMP_DIR=$dump "$build/tests/keplint_tests" \
    --gtest_filter='SarifReporterTest.*' >/dev/null
  files=("$dump"/*.sarif)
fi

/usr/bin/python3 - "$schema" "${files[@]}" <<'PY'
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
failed = 0
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=str)
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: {where}: {error.message}", file=sys.stderr)
    failed += bool(errors)
print(f"validate-sarif: {len(sys.argv) - 2 - failed} valid, {failed} invalid")
sys.exit(1 if failed else 0)
PY
