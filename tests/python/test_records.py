"""Records of the module are the CLI's JSONL records: the same dict, key order included."""
import glob
import json
import os

import warta
from conftest import ARTICLES, cli_lines, dumped, shared


def test_extract_gives_the_cli_record_of_each_article(pipeline, article_texts):
    want = cli_lines(ARTICLES)
    got = [pipeline.extract(text, id=id) for id, text in article_texts.items()]
    assert len(got) == len(want) == 34
    assert [dumped(r) for r in got] == [dumped(json.loads(line)) for line in want]
    assert sum(len(r["awards"]) for r in got) > 30, "the corpus has award records to compare"


def test_extract_many_of_read_gives_the_cli_lines_byte_for_byte(pipeline):
    want = cli_lines(ARTICLES)
    assert list(pipeline.extract_many(warta.read(ARTICLES), raw=True)) == want
    assert [dumped(r) for r in pipeline.extract_many(warta.read(ARTICLES))] == \
        [dumped(json.loads(line)) for line in want]


def test_seeds_equal_the_cli(pipeline):
    seeds = sorted(glob.glob(os.path.join(shared("seeds"), "*.txt")))
    want = cli_lines(*seeds)
    got = []
    for path in seeds:
        with open(path, encoding="utf-8", newline="") as f:
            got.append(pipeline.extract(f.read(), id=os.path.basename(path)[:-4]))
    assert len(got) == len(want) > 0
    assert [dumped(r) for r in got] == [dumped(json.loads(line)) for line in want]


def test_jsonl_with_titles_dates_and_bad_lines_equals_the_cli(tmp_path):
    """Through read(): the JSONL fields, error lines, repaired bytes and the date-order survey."""
    lines = [json.dumps({"id": "a", "title": "Judul", "date_publish": "13/06/2024", "text": "Pemkot Semarang "
                         "meraih penghargaan Top 45 Inovasi Pelayanan Publik 2023 dari Kementerian PANRB."}),
             '{"text": "unterminated', '{"title": "no text field"}', "[1, 2]",
             json.dumps({"text": "Berita 05/06/2024 singkat.", "date": "05/06/2024"})]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "Caf\xe9 Jakarta"}\n')
    p = warta.Pipeline()
    p.survey(warta.read(path))
    got = list(p.extract_many(warta.read(path), raw=True))
    assert got == cli_lines(str(path))
    assert sum('"error"' in line for line in got) == 3


def test_news_sample_equals_the_cli_with_two_threads():
    sample = shared("corpus", "news-sample.jsonl.gz")
    p = warta.Pipeline()
    p.survey(warta.read(sample))
    want = cli_lines("--threads", "2", sample)
    got = list(p.extract_many(warta.read(sample), threads=2, raw=True))
    assert len(got) == len(want) > 30000
    assert got == want


def test_offsets_are_python_string_indices(pipeline, article_texts):
    """Code points, also past characters outside the BMP (two UTF-16 units, four UTF-8 bytes)."""
    checked = 0
    for id, text in article_texts.items():
        text = text.replace("\n\n", "\n\n\U0001F3C6 ", 1)
        record = pipeline.extract(text, id=id)
        for e in record["entities"]:
            assert text[e["start"]:e["end"]] == e["text"], (id, e)
            checked += 1
        for a in record["awards"]:
            for span in a["evidence"]:
                assert text[span["start"]:span["end"]] == span["text"], (id, span)
    assert checked > 500


def test_title_date_and_id_are_the_jsonl_fields(pipeline):
    text = "Pemkot Semarang meraih penghargaan Top 45 Inovasi Pelayanan Publik dari Kementerian PANRB."
    record = pipeline.extract(text, title="Semarang Juara", date="2023-05-22", id=7)
    assert (record["id"], record["title"], record["published"]) == ("7", "Semarang Juara", "2023-05-22")
    assert list(record) == ["id", "title", "published", "entities", "awards", "warnings"]
    assert pipeline.extract(text)["id"] is None
    assert pipeline.extract_many([text], raw=True).__next__().startswith('{"id":null,')
    dict_record = next(pipeline.extract_many([{"maintext": text, "judul": "Semarang Juara", "tanggal": "2023-05-22",
                                               "id": 7}]))
    assert dumped(dict_record) == dumped(record)
