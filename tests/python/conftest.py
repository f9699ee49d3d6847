"""Fixtures of the warta module's tests (ctest python.*, run by make test).

ctest sets WARTA_BINARY (the CLI the records are compared with), WARTA_SOURCE_DIR and
PYTHONPATH (build/python); WARTA_SHARED overrides ../shared, whose tests skip when it is
absent."""
import json
import os
import subprocess

import pytest

import warta

SOURCE = os.environ.get("WARTA_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY = os.environ.get("WARTA_BINARY", os.path.join(SOURCE, "build", "warta"))
SHARED = os.environ.get("WARTA_SHARED", os.path.join(SOURCE, "..", "shared"))
ARTICLES = os.path.join(SOURCE, "corpus", "articles")


def shared(*parts):
    """A path in ../shared; the test skips when it is not there."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip(f"{path} not present")
    return path


def cli_lines(*args):
    """The JSONL lines `warta extract -q ARGS` writes, as str without line breaks."""
    done = subprocess.run([BINARY, "extract", "-q", *args], stdout=subprocess.PIPE, check=False)
    assert done.returncode in (0, 1), done
    return done.stdout.decode("utf-8").splitlines()


def dumped(record):
    """The serialisation two records are compared in: key order kept."""
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture(scope="session")
def pipeline():
    return warta.Pipeline(rules=os.path.join(SOURCE, "rules"))


@pytest.fixture(scope="session")
def article_texts():
    """corpus/articles as {id: text}, ids as the CLI gives them (file name stems)."""
    texts = {}
    for name in sorted(os.listdir(ARTICLES)):
        with open(os.path.join(ARTICLES, name), encoding="utf-8", newline="") as f:
            texts[name.rsplit(".", 1)[0]] = f.read()
    return texts
