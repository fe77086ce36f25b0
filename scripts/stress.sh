#!/usr/bin/env bash
# Stress runs for docs/RELIABILITY.md: 20,000 files (all named index.html,
# the id-numbering case), one 60 MB file, and two processes building and
# reading one search cache at once. Each run is bounded by `timeout` and
# reports wall time and peak memory (GNU time's %M). Invented text only.
#
#   scripts/stress.sh [BINARY]    (default: target/release/crossread)
set -euo pipefail
bin=${1:-target/release/crossread}
limit=${STRESS_TIMEOUT:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CROSSREAD_DATA_DIR="$work/data" CROSSREAD_CONFIG_DIR="$work/config"
export CROSSREAD_CACHE_DIR="$work/cache"
measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "$label: %e s, %M KB peak, exit %x" timeout "$limit" "$@" >/dev/null 2>"$work/err" \
        || true
    grep -v '^crossread: warning' "$work/err" | tail -1
}

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
many = os.path.join(work, "many")
for n in range(20000):
    d = os.path.join(many, f"{n // 100:03d}", f"{n:05d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "index.html"), "w") as f:
        f.write(f"<html><head><title>Day {n}</title></head><body><p>Negotiators met on "
                f"day {n}, officials said. The talks would go on, a spokesman said.</p></body></html>")
sentence = "Negotiators for the Harbour Union said the talks on day {} would go on. "
with open(os.path.join(work, "big.txt"), "w") as f:
    n = 0
    while f.tell() < 60 * 1024 * 1024 - 200:
        f.write(sentence.format(n))
        n += 1
        if n % 8 == 0:
            f.write("\n\n")
# 10 MB each of prose, one line and HTML: peak memory per byte of text.
ten = 10 * 1024 * 1024
with open(os.path.join(work, "prose.txt"), "w") as f, \
        open(os.path.join(work, "line.txt"), "w") as g, \
        open(os.path.join(work, "page.html"), "w") as h:
    h.write("<html><head><title>Days</title></head><body>\n")
    n = 0
    while f.tell() < ten:
        para = "".join(sentence.format(n + i) for i in range(8))
        f.write(para + "\n\n")
        g.write(para)
        h.write("<p>" + para + "</p>\n")
        n += 8
    h.write("</body></html>\n")
PY

measure "20,000 files named index.html: list" "$bin" --corpus "$work/many" list
measure "one 60 MB file: list" "$bin" --corpus "$work/big.txt" list
for input in prose.txt line.txt page.html; do
    measure "10 MB $input: list" "$bin" --corpus "$work/$input" list
done
rm -rf "$CROSSREAD_CACHE_DIR"
# Two searches at once over one cache directory: both must succeed and
# agree, and the cache left behind must be readable by a third.
( "$bin" --corpus "$work/many" search "day 19999" >"$work/a" 2>/dev/null; echo "first: exit $?" ) &
( "$bin" --corpus "$work/many" search "day 19999" >"$work/b" 2>/dev/null; echo "second: exit $?" ) &
wait
cmp -s "$work/a" "$work/b" && echo "two processes: same results ($(wc -l <"$work/a") lines)" \
    || echo "two processes: results DIFFER"
measure "third search, from the cache" "$bin" --corpus "$work/many" search "day 19999"
ls -la "$CROSSREAD_CACHE_DIR" | awk 'NR>1 {print "cache dir:", $1, $NF}'
