#!/bin/sh
# Builds assets/facts/background.tsv: how many sentences of the Reuters-21578
# newswire each word stem occurs in, the background the facts engine weighs
# words by. Run from the repository root: scripts/build_background.sh
set -eu
corpus=target/reuters
if [ ! -d "$corpus" ]; then
    ../shared/tools/reuters-to-corpus "$corpus"
fi
mkdir -p assets/facts
cargo run --release --features train --bin build_background -- "$corpus" assets/facts/background.tsv
