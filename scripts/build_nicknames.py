#!/usr/bin/env python3
"""Builds assets/names/nicknames.tsv from the `nicknames` package on PyPI.

Source (installed with `pip install nicknames==1.0.1`): the hand-curated
dataset of English given names and their nicknames by Carlton Northern and
Nick Crews (Apache-2.0), the `names.csv` the package ships.

Output: one `name<TAB>nickname` line per pair, lowercase, sorted, after a
comment line naming the source. Cross-corpus linking reads it to treat
"Jeff Moreau" and "Jeffrey Moreau" as one person when the surname and type
agree.

Run from the repository root:  python3 scripts/build_nicknames.py
"""
import csv
import os

import nicknames

SOURCE = os.path.join(os.path.dirname(nicknames.__file__), "names.csv")
OUT = "assets/names/nicknames.tsv"


def main():
    pairs = set()
    with open(SOURCE, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["relationship"] != "has_nickname":
                continue
            name, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            if name and nick and name != nick and name.isalpha() and nick.isalpha():
                pairs.add((name, nick))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# name\tnickname — built by scripts/build_nicknames.py from the PyPI "
            "package nicknames 1.0.1 (Carlton Northern, Nick Crews; Apache-2.0)\n"
        )
        for name, nick in sorted(pairs):
            out.write(f"{name}\t{nick}\n")


if __name__ == "__main__":
    main()
