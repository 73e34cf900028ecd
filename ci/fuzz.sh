#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz/ with clang, AddressSanitizer and UBSan, seeds each
# corpus from the source tree, and runs every target for a bounded time. Fails when any target
# finds a crash, a leak, undefined behaviour, a broken invariant, a hang (-timeout) or runaway
# memory (-rss_limit_mb); the input is saved under build-fuzz/artifacts/<target>/.
#
# Usage: ci/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 seconds, every target)
# Environment: FUZZ_JOBS (parallel targets, default 1), FUZZ_BUILD_DIR (default build-fuzz).
# A crash is fixed, then its input is copied to tests/fuzz/inputs/<target>/, where ctest
# replays it in every normal build (fuzz_replay.<target>).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-60}"
shift || true
build="${FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${FUZZ_JOBS:-1}"

ci/install-deps.sh --fuzz

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
mkdir -p "$build/logs"
if ! cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DKEP_LINT_FUZZ=ON -DKEP_LINT_SANITIZE=ON -DKEP_LINT_TESTS=OFF \
  -DKEP_LINT_WERROR=ON "${launcher[@]}" >"$build/logs/configure.log" 2>&1; then
  cat "$build/logs/configure.log" >&2
  exit 1
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
if ! cmake --build "$build" --target "${targets[@]}" -- -j"${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
  >"$build/logs/build.log" 2>&1; then
  grep -E -A5 'error|FAILED' "$build/logs/build.log" | head -60 >&2
  exit 1
fi

# Seeds: the target's saved inputs, the source directories tests/fuzz/CMakeLists.txt lists for
# it (the same ones ctest replays), the sections of rule fixtures (txtar), and for the rule-pack
# target the built-in packs in its "#== path" format.
make_seeds() {
  local target="$1" dir="$2"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp tests/fuzz/inputs/"$target"/* "$dir"/ 2>/dev/null || true
  local sources
  sources=$(sed -n "s/^set(seeds_${target}\(.*\))$/\1/p" tests/fuzz/CMakeLists.txt)
  for src in $sources; do
    find "$src" -type f -size -256k | while read -r f; do
      cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
    done
  done
  python3 - "$target" "$dir" <<'PY'
import glob, os, sys
target, out = sys.argv[1], sys.argv[2]
def put(name, text):
    with open(os.path.join(out, name.replace('/', '_')), 'w') as f:
        f.write(text)
if target in ('yaml_document_fuzz', 'front_matter_fuzz', 'markdown_fuzz'):
    want = {'yaml_document_fuzz': ('.yaml',), 'front_matter_fuzz': ('.md',),
            'markdown_fuzz': ('.md',)}[target]
    for path in sorted(glob.glob('testdata/rules/*/*.txtar')):
        name, body = None, []
        for line in open(path, encoding='utf-8', errors='surrogateescape').read().splitlines(True):
            if line.startswith('-- ') and line.rstrip().endswith(' --'):
                if name and name.endswith(want):
                    put(os.path.basename(path) + '.' + name, ''.join(body))
                name, body = line.strip()[3:-3], []
            else:
                body.append(line)
        if name and name.endswith(want):
            put(os.path.basename(path) + '.' + name, ''.join(body))
if target == 'rule_pack_fuzz':
    for pack in sorted(glob.glob('rules/*/pack.yaml')):
        root = os.path.dirname(pack)
        manifest = open(pack).read()
        others = sorted(os.path.relpath(p, root) for p in glob.glob(root + '/**/*.yaml', recursive=True)
                        if os.path.relpath(p, root) != 'pack.yaml')
        data = [p for p in others if p.startswith('data/')]
        def bundle(files):
            return manifest + ''.join('\n#== %s\n%s' % (p, open(os.path.join(root, p)).read()) for p in files)
        put(os.path.basename(root) + '-all', bundle(others))
        for p in others:
            if not p.startswith('data/'):
                put(os.path.basename(root) + '-' + p, bundle(data + [p]))
PY
}

run_target() {
  local target="$1"
  local corpus="$build/corpus/$target" seeds="$build/seeds/$target"
  local artifacts="$build/artifacts/$target/" log="$build/logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  make_seeds "$target" "$seeds"
  local rc=0
  # halt_on_error: the first report is the crash; detect_leaks: a leak is a bug too.
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "$seeds" >"$log" 2>&1 || rc=$?
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -ne 0 ]; then
    echo "FAIL $target after ${execs:-?} executions (exit $rc); log: $log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant failed|.*runtime error)' "$log" | head -5 >&2 || true
    ls "$artifacts" >&2
    return 1
  fi
  echo "ok   $target: ${execs:-?} executions in ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs"
}

status=0
if [ "$jobs" -le 1 ]; then
  for t in "${targets[@]}"; do run_target "$t" || status=1; done
else
  pids=()
  for t in "${targets[@]}"; do
    run_target "$t" &
    pids+=($!)
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
fi
exit "$status"
