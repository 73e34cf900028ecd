#!/usr/bin/env bash
# kep-lint benchmark on the pinned kubernetes/enhancements corpus (see bench/README.md).
# Usage: bench/run.sh [--runs N] [--warmup N] [--binary PATH] [--corpus DIR]
# Needs hyperfine and GNU time: ci/install-deps.sh --bench
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=20
warmup=3
binary="$root/build/kep-lint"
corpus="$root/../shared/corpus"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    -h|--help) sed -n 2,4p "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$runs" -lt 10 ]; then echo "bench/run.sh: use at least 10 runs" >&2; exit 2; fi

repo="$corpus/kubernetes-enhancements"
sigs="$corpus/kubernetes-community/sigs.yaml"
# A typical KEP: implemented, stable, with a PRR file and a README of median-to-upper size.
kep="keps/sig-node/3570-cpumanager"
for need in hyperfine /usr/bin/time python3; do
  command -v "$need" >/dev/null || { echo "bench/run.sh: $need missing; run ci/install-deps.sh --bench" >&2; exit 2; }
done
[ -x "$binary" ] || { echo "bench/run.sh: no binary at $binary; build it first (see README.md)" >&2; exit 2; }
[ -d "$repo/keps" ] && [ -f "$sigs" ] || { echo "bench/run.sh: corpus not found under $corpus" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$binary")/CMakeCache.txt" 2>/dev/null || true)
if [ "$build_type" != "Release" ]; then
  echo "bench/run.sh: warning: $binary is a '${build_type:-unknown}' build; numbers are for Release builds" >&2
fi

results="$root/bench/results"
mkdir -p "$results"
list="$results/one-kep.txt"
printf '%s\n' "$kep/kep.yaml" "$kep/README.md" >"$list"

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
echo "binary:  $binary (${build_type:-unknown})"
echo "corpus:  $repo ($(find "$repo/keps" -name kep.yaml | wc -l) kep.yaml files)"
echo

# Findings make kep-lint exit 1; --exit-zero keeps hyperfine from treating that as a failure
# without changing the work done. Output goes to /dev/null (hyperfine's default).
base=(--repo "$repo" --sigs "$sigs" --quiet --color never --exit-zero)
q() { printf '%q ' "$@"; }
cmd_whole="$(q "$binary" "${base[@]}")"
cmd_one="$(q "$binary" "${base[@]}" --files-from "$list")"
cmd_one_j1="$(q "$binary" "${base[@]}" --files-from "$list" -j 1)"

bench() {  # name command
  hyperfine --style basic --shell=none --warmup "$warmup" --runs "$runs" --command-name "$1" \
    --export-json "$results/$1.json" "$2"
}
bench whole-repo "$cmd_whole"
bench one-kep "$cmd_one"
bench one-kep-j1 "$cmd_one_j1"

# Pull requests: the corpus committed as the base, an edit on a branch. `--changed-from` lints
# the change's proposals at the head and at the base (from git objects) and compares them;
# --no-base-compare is the same run without the base, for the ratio.
pr_dir=$(mktemp -d)
trap 'rm -rf "$pr_dir"' EXIT
make_pr() {  # name edit-command
  local dir="$pr_dir/$1"
  cp -r "$repo" "$dir"
  chmod -R u+w "$dir"
  git -C "$dir" init -q -b master
  git -C "$dir" -c user.name=bench -c user.email=bench@example.com add -A
  git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -q -m base
  git -C "$dir" checkout -q -b pr
  (cd "$dir" && eval "$2")
  git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -q -am edit
}
make_pr one-kep "sed -i 's/^status: implemented/status: implementd/' $kep/kep.yaml"
make_pr template "printf '\\nA new paragraph.\\n' >> keps/NNNN-kep-template/README.md"
pr=(--sigs "$sigs" --quiet --color never --exit-zero --changed-from master)
bench pr-one-kep "$(q "$binary" --repo "$pr_dir/one-kep" "${pr[@]}")"
bench pr-one-kep-nobase "$(q "$binary" --repo "$pr_dir/one-kep" "${pr[@]}" --no-base-compare)"
bench pr-template "$(q "$binary" --repo "$pr_dir/template" "${pr[@]}")"
bench pr-template-nobase "$(q "$binary" --repo "$pr_dir/template" "${pr[@]}" --no-base-compare)"

# Peak resident memory: the largest of five runs, from GNU time (KiB).
peak_rss() {  # command...
  local max=0 kb out="$results/.rss"
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f %M -o "$out" "$@" >/dev/null 2>&1
    kb=$(tail -n 1 "$out")
    [ "$kb" -gt "$max" ] && max=$kb
  done
  rm -f "$out"
  echo "$max"
}
rss_whole=$(peak_rss "$binary" "${base[@]}")
rss_one=$(peak_rss "$binary" "${base[@]}" --files-from "$list")
printf '{"whole-repo": %s, "one-kep": %s}\n' "$rss_whole" "$rss_one" >"$results/peak-rss-kib.json"

echo
python3 - "$results" "$rss_whole" "$rss_one" <<'PY'
import json, sys
results, rss_whole, rss_one = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
targets = {"whole-repo": 0.200, "one-kep": 0.015, "one-kep-j1": 0.015,
           "pr-one-kep-nobase": None, "pr-one-kep": None, "pr-template-nobase": None,
           "pr-template": 1.0}
# Wall-clock medians are the target; user+system CPU (means) show the work done when the machine
# is loaded by other processes and wall time mostly measures waiting for a core.
print(f"{'case':<18} {'median':>10} {'mean':>10} {'min':>10} {'max':>10} {'cpu':>10} {'runs':>5}  target")
medians = {}
for name, target in targets.items():
    r = json.load(open(f"{results}/{name}.json"))["results"][0]
    medians[name] = r["median"]
    cpu = r["user"] + r["system"]
    goal = "" if target is None else f"<= {target*1000:.0f} ms " + ("ok" if r["median"] <= target else "OVER")
    print(f"{name:<18} {r['median']*1000:8.1f}ms {r['mean']*1000:8.1f}ms {r['min']*1000:8.1f}ms "
          f"{r['max']*1000:8.1f}ms {cpu*1000:8.1f}ms {len(r['times']):>5}  {goal}")
# The base comparison's cost, as a ratio to the same run without it (target: within 2x).
for case in ("pr-one-kep", "pr-template"):
    ratio = medians[case] / medians[case + "-nobase"]
    print(f"base comparison {case}: {ratio:.2f}x the run without it  <= 2.00x " +
          ("ok" if ratio <= 2.0 else "OVER"))
for name, kib in (("whole-repo", rss_whole), ("one-kep", rss_one)):
    verdict = "ok" if kib <= 100 * 1024 else "OVER"
    print(f"peak RSS {name:<12} {kib/1024:6.1f} MiB  <= 100 MiB {verdict}")
print(f"\nJSON: {results}/*.json")
PY
