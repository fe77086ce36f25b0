#!/bin/sh
# The whole process over the 17,053 Reuters-21578 files with facts and found
# topics: load, analysis, facts, found topics and every topic's coverage, as
# `crossread topics --json` does them. Prints wall time, CPU time and peak
# memory. Run from the repository root on an idle machine:
#   scripts/bench_facts.sh
set -eu
corpus=target/reuters
if [ ! -d "$corpus" ]; then
    if [ ! -x ../shared/tools/reuters-to-corpus ]; then
        echo "skipped: ../shared/tools/reuters-to-corpus is absent" >&2
        exit 0
    fi
    ../shared/tools/reuters-to-corpus "$corpus"
fi
cargo build --release --quiet
for command in "facts --json" "topics --json"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "$command: %e s wall, %U s user, %S s system, %M KB peak" \
        target/release/crossread --corpus "$corpus" $command > /dev/null
done
