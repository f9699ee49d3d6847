"""warta.read, to_frames and evaluate against what the CLI gives."""
import json
import subprocess
import sys

import pytest

import warta
from conftest import ARTICLES, BINARY, SOURCE, cli_lines, shared

GOLD = f"{SOURCE}/corpus/gold.jsonl"


def cli_eval(gold, inputs):
    done = subprocess.run([BINARY, "eval", "--json", "--gold", gold, inputs], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_read_gives_the_articles_and_their_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x", "judul": "Judul", "tanggal": "2024-06-13", "link": "https://e.id/1",
                                "isi": "Isi berita."}) + "\n" + json.dumps({"id": "x", "text": "Lagi."}) + "\n")
    first, second = warta.read(path)
    assert (first.id, first.title, first.date, first.url, first.text) == \
        ("x", "Judul", "2024-06-13", "https://e.id/1", "Isi berita.")
    assert first.origin == f"{path}:1" and first.error is None and first.warnings == []
    assert second.warnings == ['id "x" is the id of an earlier record too']
    assert [a.id for a in warta.read(ARTICLES)][:2] == ["001_kanwil-kemenkumham-jabar-wbk", "002_pemkot-semarang-top45"]


def test_evaluate_gives_the_scores_of_warta_eval_json(pipeline, tmp_path):
    want = cli_eval(GOLD, ARTICLES)
    assert warta.evaluate(GOLD, pipeline.extract_many(warta.read(ARTICLES))) == want
    output = tmp_path / "out.jsonl"
    output.write_text("\n".join(cli_lines(ARTICLES)) + "\n")
    assert warta.evaluate(GOLD, str(output)) == want
    assert want["types"]["record"]["f1"] > 0.9


def test_evaluate_on_the_seeds():
    gold, seeds = shared("eval", "dev", "seeds.gold.jsonl"), shared("seeds")
    assert warta.evaluate(gold, warta.Pipeline().extract_many(warta.read(seeds))) == cli_eval(gold, seeds)


def test_evaluate_reports_a_bad_record_and_a_bad_gold_file(tmp_path):
    with pytest.raises(ValueError, match="record 2: "):
        warta.evaluate(GOLD, [{"id": "a", "published": None, "entities": [], "awards": []}, {"entities": 3}])
    with pytest.raises(ValueError, match="nope.jsonl"):
        warta.evaluate(str(tmp_path / "nope.jsonl"), [])


def test_to_frames_has_a_row_per_article_entity_and_award(pipeline):
    records = list(pipeline.extract_many(warta.read(ARTICLES)))
    articles, entities, awards = warta.to_frames(records)
    assert len(articles) == len(records) == 34
    assert len(entities) == sum(len(r["entities"]) for r in records)
    assert len(awards) == sum(len(r["awards"]) for r in records) > 30
    assert list(articles.columns) == ["id", "title", "published", "error", "warnings"]
    assert list(awards.columns[:3]) == ["article_id", "award", "year"]
    first = records[0]["awards"][0]
    assert awards.iloc[0]["recipient"] == first["recipient"]
    assert awards.iloc[0]["article_id"] == records[0]["id"]
    agencies = entities[entities["type"] == "agency"]
    assert set(agencies["value"]) >= {"Kementerian Hukum dan Hak Asasi Manusia"}


def test_to_frames_without_pandas_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match="warta.to_frames needs pandas: apt-get install python3-pandas"):
        warta.to_frames([])
