#!/usr/bin/env python3
"""Sanity check for corpus/gold.jsonl against corpus/articles/*.txt (stdlib only).

Usage:  python3 corpus/check_gold.py [corpus_dir]

Checks: every line is JSON with the fields of the shared gold format; ids are unique and
match article files one to one; date and count values are well formed; for every agency,
award and location item at least one alias occurs in its article (compared the way the
scorer compares strings); record recipients occur in the article; required records use an
award that is also an award item; record dates are among the article's dates.
It does not know what is boilerplate: that still needs a human eye.
Exit status 1 when something is wrong.
"""
import json
import os
import re
import sys
import unicodedata

FIELDS = ["id", "published", "agency", "award", "location", "date", "count", "awards"]
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
CODE_RE = re.compile(r"^\d{2}(\.\d{2})?$")


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s\-\.\(\)]+", " ", s).strip()


def occurs(name, ntext):
    return re.search(r"(?<!\w)" + re.escape(norm(name)) + r"(?!\w)", ntext) is not None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    art_dir = os.path.join(root, "articles")
    files = {f[:-4] for f in os.listdir(art_dir) if f.endswith(".txt")}
    errors = []
    seen = set()
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"gold.jsonl:{n}"
            try:
                g = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON ({e})")
                continue
            missing = [k for k in FIELDS if k not in g]
            if missing:
                errors.append(f"{where}: missing fields {missing}")
                continue
            aid = g["id"]
            where = f"{where} ({aid})"
            if aid in seen:
                errors.append(f"{where}: duplicate id")
            seen.add(aid)
            if aid not in files:
                errors.append(f"{where}: no file articles/{aid}.txt")
                continue
            text = open(os.path.join(art_dir, aid + ".txt"), encoding="utf-8").read()
            ntext = norm(text)
            if g["published"] is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", g["published"]):
                errors.append(f"{where}: bad published {g['published']!r}")
            for typ in ("agency", "award", "location"):
                for it in g[typ]:
                    if not it.get("names"):
                        errors.append(f"{where}: {typ} item without names")
                        continue
                    if not any(occurs(a, ntext) for a in it["names"]):
                        errors.append(f"{where}: {typ} {it['names'][0]!r}: no alias occurs in the article")
                    if typ == "location" and "code" in it and not CODE_RE.match(it["code"]):
                        errors.append(f"{where}: bad region code {it['code']!r}")
            dates = set()
            for it in g["date"]:
                for v in [it["value"]] + it.get("alts", []):
                    if not DATE_RE.match(v):
                        errors.append(f"{where}: bad date value {v!r}")
                if it["value"] in dates:
                    errors.append(f"{where}: date {it['value']} listed twice (gold items must be distinct)")
                dates.add(it["value"])
            for it in g["count"]:
                if not isinstance(it.get("value"), (int, float)) or not it.get("unit"):
                    errors.append(f"{where}: bad count item {it}")
            award_names = {norm(a) for it in g["award"] for a in it["names"]}
            for r in g["awards"]:
                for k in ("award", "year", "recipient", "organizer", "date", "location"):
                    if k not in r:
                        errors.append(f"{where}: record without {k!r}")
                if not any(occurs(a, ntext) for a in r.get("recipient") or []):
                    errors.append(f"{where}: record recipient {r['recipient'][0]!r} does not occur")
                if not r.get("optional") and not award_names & {norm(a) for a in r["award"]}:
                    errors.append(f"{where}: required record award {r['award'][0]!r} is not an award item")
                if r.get("date") and r["date"] not in dates:
                    errors.append(f"{where}: record date {r['date']} is not among the article's dates")
    for f in sorted(files - seen):
        errors.append(f"articles/{f}.txt: no gold line")
    for e in errors:
        print(e)
    print(f"{len(seen)} gold lines, {len(files)} articles, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
