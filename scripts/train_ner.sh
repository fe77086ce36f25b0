#!/bin/sh
# Trains the name tagger on CoNLL-2003 and writes assets/ner/model.bin.
# Run from the repository root: scripts/train_ner.sh [SEED]
set -eu
data=../shared/datasets/conll2003
cargo run --release --features train --bin train_ner -- \
    "$data/train.txt" "$data/valid.txt" assets/ner/model.bin "${1:-1}"
