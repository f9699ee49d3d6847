"""extract_many on threads keeps input order and one pipeline serves several Python threads;
C++ works without the GIL (ctest python.threads runs these alone). Speed is measured outside
the tests (README "From Python"): a timing asserted here failed whenever the machine was busy."""
import threading
import time

import pytest

pytestmark = pytest.mark.timing


@pytest.fixture(scope="module")
def batch(article_texts, pipeline):
    """corpus/articles 32 times over: about half a second of work for one thread."""
    items = [{"id": f"{id}#{k}", "text": text} for k in range(32) for id, text in article_texts.items()]
    list(pipeline.extract_many(items, threads=2))  # warm: the regexes' lazily built automata
    return items


def test_two_threads_give_the_same_records_in_input_order(pipeline, batch):
    one = list(pipeline.extract_many(batch, threads=1, raw=True))
    two = list(pipeline.extract_many(batch, threads=2, raw=True))
    assert two == one
    assert [r["id"] for r in pipeline.extract_many(batch, threads=2)] == [item["id"] for item in batch]


def test_python_threads_share_one_pipeline(pipeline, batch):
    """Two Python threads calling extract on one pipeline get what one thread gets."""
    halves = [batch[0::2], batch[1::2]]
    serial = [None, None]
    parallel = [None, None]

    def work(k, into):
        into[k] = [pipeline.extract(item["text"], id=item["id"]) for item in halves[k]]

    work(0, serial)
    work(1, serial)
    threads = [threading.Thread(target=work, args=(k, parallel)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert parallel == serial


def turns_while(run):
    """How many turns a pure-Python loop on another thread makes per second while `run` works."""
    turns = 0
    done = threading.Event()

    def count():
        nonlocal turns
        while not done.is_set():
            turns += 1

    counter = threading.Thread(target=count)
    counter.start()
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    done.set()
    counter.join()
    return turns / elapsed


def test_extract_releases_the_gil(pipeline, batch):
    """While C++ reads one long article, Python code on another thread goes on running. A
    call that held the GIL would stop that loop for the whole call; sleeping, which releases
    it, gives the rate to compare with. Not a speed test: a busy machine slows both alike."""
    text = "\n\n".join(item["text"] for item in batch[:400])
    free = turns_while(lambda: time.sleep(0.3))
    during = turns_while(lambda: pipeline.extract(text))
    print(f"other thread's loop: {free:.0f} turns/s beside sleep, {during:.0f} beside extract")
    assert during > 0.1 * free


def test_a_stream_left_halfway_is_dropped_while_its_chunk_runs(pipeline, batch):
    stream = pipeline.extract_many(batch, threads=2)
    first = next(stream)
    del stream  # waits for the chunk in the background, which holds documents the stream owns
    assert first["id"] == batch[0]["id"]
