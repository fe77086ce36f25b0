#!/usr/bin/env bash
# The library's restart cost, whole process: 17,053 Reuters articles imported
# into a fresh library, then `list --json` timed warm (the analysis cache and
# the linking overlay filled by the first run). Needs ../shared/datasets and
# hyperfine (apt-get install hyperfine). Run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=../shared/tools
if [ ! -x "$tools/reuters-to-corpus" ]; then
  echo "skipped: ../shared/tools/reuters-to-corpus is not here" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tools/reuters-to-corpus" "$work/reuters" >/dev/null
cargo build --release --quiet
bin=target/release/crossread
export CROSSREAD_DATA_DIR="$work/data" CROSSREAD_CACHE_DIR="$work/cache"
/usr/bin/time -f "import: %e s wall, %M KB peak" "$bin" import "$work/reuters" >/dev/null
/usr/bin/time -f "first open (analysis, cache fill): %e s wall, %M KB peak" "$bin" list --json >/dev/null
hyperfine -N --warmup 2 --runs 10 "$bin list --json"
/usr/bin/time -f "warm open: %M KB peak" "$bin" list --json >/dev/null
