#!/usr/bin/env bash
# Runs fuzz targets until each has had CPU_SECONDS of CPU time (user +
# system), not wall time: on a shared machine libFuzzer's -max_total_time
# stops a run that got only part of a core. The issue asks for 10
# CPU-minutes per target, so the default is 610 s.
#
#   scripts/fuzz_cpu.sh [CPU_SECONDS] TARGET...    (from the repository root)
#
# Needs cargo-fuzz and the nightly toolchain; builds once with
# `cargo +nightly fuzz build -O --sanitizer none`: safe Rust crashes by
# panicking, which libFuzzer catches without ASan, and ASan would only slow
# each run. Each run starts from fuzz/corpus/TARGET (kept out of git) and
# fuzz/regressions/TARGET, and writes a crash to fuzz/artifacts/TARGET/.
# One line per target goes to stdout and the whole libFuzzer log to
# fuzz/logs/TARGET.log; the exit status is non-zero when any target found
# something or stopped before its budget.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
budget=610
if [[ ${1:-} =~ ^[0-9]+$ ]]; then budget=$1; shift; fi
(($# > 0)) || { echo "usage: scripts/fuzz_cpu.sh [CPU_SECONDS] TARGET..." >&2; exit 2; }
cargo +nightly fuzz build -O --sanitizer none >/dev/null
bin=target/x86_64-unknown-linux-gnu/release
ticks=$(getconf CLK_TCK)
status=0
mkdir -p logs
for target in "$@"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    start=$(date +%s)
    "$bin/$target" "corpus/$target" "regressions/$target" -print_final_stats=1 \
        -artifact_prefix="artifacts/$target/" >"logs/$target.log" 2>&1 &
    pid=$!
    cpu=0
    while kill -0 "$pid" 2>/dev/null; do
        # Fields 14 and 15 of /proc/PID/stat: user and system time in ticks.
        if read -r -a stat <"/proc/$pid/stat" 2>/dev/null; then
            cpu=$(((stat[13] + stat[14]) / ticks))
        fi
        if ((cpu >= budget)); then
            kill -INT "$pid"
            break
        fi
        sleep 5
    done
    rc=0
    wait "$pid" || rc=$?
    wall=$(($(date +%s) - start))
    # libFuzzer pads its final stats with spaces.
    last_figure() { grep -a -o "$1 *[0-9]*" "logs/$target.log" | tail -1 | grep -o '[0-9]*$' || true; }
    runs=$(last_figure 'stat::number_of_executed_units:')
    cov=$(last_figure 'cov:')
    peak=$(last_figure 'stat::peak_rss_mb:')
    found=nothing
    if ls "artifacts/$target"/* >/dev/null 2>&1 || grep -q 'ERROR: libFuzzer\|panicked at' "logs/$target.log"; then
        found="a crash: see fuzz/logs/$target.log and fuzz/artifacts/$target/"
        status=1
    elif ((cpu < budget)); then
        found="stopped early (exit $rc) after ${cpu} CPU-s: see fuzz/logs/$target.log"
        status=1
    fi
    echo "$target: ${cpu} CPU-s, ${wall} s wall, ${runs:-?} runs, cov ${cov:-?}, peak ${peak:-?} MB, found $found"
done
exit $status
