"""warta in process: Indonesian news articles in, award records out.

    import warta
    p = warta.Pipeline(rules="rules/")                 # warta.RuleError: rules/x.toml:3: reason
    record = p.extract(text, title=None, date=None, id="a1")
    for record in p.extract_many(warta.read("feed.jsonl.gz"), threads=2):
        ...
    articles, entities, awards = warta.to_frames(records)   # pandas
    scores = warta.evaluate("corpus/gold.jsonl", records)    # as `warta eval --json`

A record is a dict, exactly one line of `warta extract` (../shared/spec/output.md)
decoded with json.loads: same keys in the same order, offsets in code points of the
text given, so text[e["start"]:e["end"]] == e["text"].
"""
import json
import os

from ._warta import Article, Pipeline, RuleError
from ._warta import evaluate_lines as _evaluate_lines
from ._warta import read as _read

__all__ = ["Article", "Pipeline", "RuleError", "read", "to_frames", "evaluate"]


def read(*paths, input_format="auto", glob=(), text_field="", title_field="", date_field="", id_field="",
         url_field=""):
    """Iterates the articles of any input `warta extract` reads (text, JSONL, gzip, folders), as
    warta.Article objects; an input that cannot be read is an Article with its `error`."""
    return _read([os.fspath(p) for p in paths], input_format=input_format, glob=list(glob),
                 text_field=text_field, title_field=title_field, date_field=date_field, id_field=id_field,
                 url_field=url_field)


def evaluate(gold_path, records):
    """The figures of `warta eval --json --gold GOLD_PATH` for `records`: dicts as extract returns
    them, JSONL lines, or the path of a JSONL file warta wrote."""
    if isinstance(records, (str, os.PathLike)):
        with open(records, encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
    else:
        lines = (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
    return _evaluate_lines(os.fspath(gold_path), lines)


def to_frames(records):
    """Three pandas DataFrames, as the CSV output's three tables: (articles, entities, awards).
    articles: one row per record (id, title, published, error, warnings); entities and awards:
    one row per entity and per award record, with the article's id first (article_id)."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("warta.to_frames needs pandas: apt-get install python3-pandas "
                          "(or pip install pandas)") from e
    articles, entities, awards = [], [], []
    for r in records:
        articles.append({"id": r["id"], "title": r["title"], "published": r["published"],
                         "error": r.get("error"), "warnings": r["warnings"]})
        entities += ({"article_id": r["id"], **e} for e in r["entities"])
        awards += ({"article_id": r["id"], **a} for a in r["awards"])
    return (pandas.DataFrame(articles, columns=["id", "title", "published", "error", "warnings"]),
            pandas.DataFrame(entities), pandas.DataFrame(awards))
