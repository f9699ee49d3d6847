#!/usr/bin/env python3
"""The held-out third of each gold set, split by story.

Rules are written against the tuned part only; the held-out part is scored
beside it (scripts/eval-all.sh) so that a rule fitted to one article shows.

  holdout.py make GOLD...            print the split (set<TAB>id), for corpus/holdout.tsv
  holdout.py part GOLD tuned|held    print the gold lines of one part

Articles about one event (they share an award record: award, recipient, year)
are one story and land on the same side. Which stories are held out is decided
by a hash of their ids, not by reading them.
"""
import hashlib
import json
import os
import sys

HOLDOUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "holdout.tsv")


def set_name(path):
    return os.path.basename(path).split(".")[0]


def fold(s):
    return " ".join(str(s).casefold().replace("-", " ").replace(".", " ").split())


def stories(lines):
    parent = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {}
    for g in lines:
        parent.setdefault(g["id"], g["id"])
        for r in g.get("awards", []):
            awards = r.get("award") or []
            recips = r.get("recipient") or []
            if not awards or not recips:
                continue
            key = (fold(awards[0]), fold(recips[0]), r.get("year"))
            if key in owner:
                parent[find(g["id"])] = find(owner[key])
            else:
                owner[key] = g["id"]
    groups = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return [sorted(v) for v in groups.values()]


def make(paths):
    for path in paths:
        lines = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        groups = stories(lines)
        groups.sort(key=lambda ids: hashlib.sha1("\n".join(ids).encode()).hexdigest())
        held, target = [], len(lines) / 3
        for ids in groups:
            if len(held) >= target:
                break
            held.extend(ids)
        for i in sorted(held):
            print(f"{set_name(path)}\t{i}")


def part(path, which):
    held = set()
    for line in open(HOLDOUT, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, i = line.rstrip("\n").split("\t")
            if name == set_name(path):
                held.add(i)
    for line in open(path, encoding="utf-8"):
        if line.strip() and ((json.loads(line)["id"] in held) == (which == "held")):
            sys.stdout.write(line)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "make":
        make(sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "part" and sys.argv[3] in ("tuned", "held"):
        part(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
