"""Bad articles give error records or clear exceptions; bad rules a RuleError as the CLI words it."""
import os
import subprocess

import pytest

import warta
from conftest import BINARY, SOURCE

GOOD = ("Semarang Juara\n\nSEMARANG - Pemerintah Kota Semarang meraih penghargaan Top 45 Inovasi Pelayanan "
        "Publik 2023 dari Kementerian PANRB di Jakarta pada Senin (22/5/2023).")


def test_extract_refuses_what_is_no_text(pipeline):
    with pytest.raises(TypeError, match="text must be str or bytes, not None"):
        pipeline.extract(None)
    with pytest.raises(TypeError, match="not int"):
        pipeline.extract(42)
    with pytest.raises(TypeError, match="title must be str or None"):
        pipeline.extract(GOOD, title=1)
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        pipeline.extract("Pemkot \udc80 Semarang")


def test_bytes_that_are_not_utf8_are_read_as_windows_1252_with_a_warning(pipeline):
    record = pipeline.extract(b"Kafe \xe9 di Kota Semarang.")
    assert record["warnings"] == ["1 byte(s) of invalid UTF-8 read as Windows-1252"]
    assert "error" not in record
    entity = next(e for e in record["entities"] if e["type"] == "location")
    assert "Kafe \u00e9 di Kota Semarang."[entity["start"]:entity["end"]] == entity["text"]


def test_an_html_page_is_an_error_record(pipeline):
    record = pipeline.extract("<!DOCTYPE html><html><body>x</body></html>", id="page")
    assert record["error"] == "page: an HTML page, not article text (extract the text first, e.g. with trafilatura)"
    assert record["entities"] == [] and record["awards"] == []


def test_bad_items_of_a_batch_are_error_records_and_the_batch_goes_on(pipeline):
    items = [None, {"title": "no text"}, {"id": "c", "text": None}, 42, "bad \udc80 text", GOOD,
             {"id": "d", "text": GOOD}]
    records = list(pipeline.extract_many(items, threads=2))
    assert [r.get("error") for r in records] == [
        "item 1: text must be str or bytes, not None",
        "item 2: no text field (looked for maintext, text, content, body, isi_berita, isi)",
        "item 3: text must be str or bytes, not None",
        "item 4: text must be str or bytes, not int",
        "item 5: UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc80' in position 4: "
        "surrogates not allowed",
        None, None]
    assert [r["id"] for r in records] == [None, None, "c", None, None, None, "d"]
    assert records[6]["awards"] == records[5]["awards"] != []


def test_an_exception_of_the_iterable_comes_after_the_records_before_it(pipeline):
    def articles():
        yield GOOD
        yield GOOD
        raise RuntimeError("scraper failed")

    stream = pipeline.extract_many(articles())
    assert len([next(stream), next(stream)]) == 2
    with pytest.raises(RuntimeError, match="scraper failed"):
        next(stream)


def test_a_hundred_megabyte_article_is_processed(pipeline):
    paragraph = ("Warga berkumpul di alun-alun untuk merayakan acara bersama keluarga dan tetangga sambil "
                 "menikmati hidangan khas daerah.\n\n")
    text = "Pemkot Semarang Raih Penghargaan\n\n" + paragraph * (100_000_000 // len(paragraph)) + \
        "Penghargaan diserahkan kepada 12 perangkat daerah pada 5 Juni 2023."
    record = pipeline.extract(text, id="besar")
    assert "error" not in record
    last = record["entities"][-1]
    assert last["start"] > 100_000_000 - 100 and text[last["start"]:last["end"]] == last["text"]


def rule_error_of_cli(rules_dir):
    done = subprocess.run([BINARY, "rules", "check", "--rules", rules_dir], capture_output=True, text=True)
    assert done.returncode == 2
    return done.stderr.strip().removeprefix("warta: ")


def test_a_broken_rule_file_raises_rule_error_with_file_and_line(tmp_path):
    (tmp_path / "boilerplate.toml").write_text("[[rule]]\nname = \"x\"\npattern = \"(unclosed\"\n")
    with pytest.raises(warta.RuleError) as raised:
        warta.Pipeline(rules=str(tmp_path))
    message = str(raised.value)
    assert message.startswith(f"{tmp_path}/boilerplate.toml:")
    assert message.split(":")[1].isdigit()
    assert message == rule_error_of_cli(str(tmp_path))
    assert isinstance(raised.value, ValueError)


def test_a_rules_folder_that_is_none_raises_rule_error(tmp_path):
    with pytest.raises(warta.RuleError) as raised:
        warta.Pipeline(rules=str(tmp_path / "missing"))
    assert str(raised.value) == rule_error_of_cli(str(tmp_path / "missing"))


def test_options_are_checked(pipeline):
    with pytest.raises(ValueError, match="date_order"):
        warta.Pipeline(date_order="ymd")
    with pytest.raises(ValueError, match="threads must be at least 1"):
        pipeline.extract_many([GOOD], threads=0)
    with pytest.raises(ValueError, match="input_format"):
        warta.read(SOURCE, input_format="xml")


def test_an_input_that_cannot_be_read_is_an_article_with_its_error(tmp_path):
    missing = str(tmp_path / "nope.jsonl")
    (article,) = list(warta.read(missing))
    assert article.error == f"{missing}: cannot open: No such file or directory"
    assert article.id == "nope"
    assert os.path.basename(article.origin) == "nope.jsonl"
