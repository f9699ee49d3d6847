"""extract_many on threads keeps input order; C++ works without the GIL (ctest python.threads
runs these alone: they time two threads against one). Timings mean something only with a core
to spare: the CLI's own gain from a second thread on the same batch is measured first, and the
timing tests skip when even the CLI gains little (a machine busy with other work)."""
import json
import subprocess
import threading
import time

import pytest

from conftest import BINARY

pytestmark = pytest.mark.timing


@pytest.fixture(scope="module")
def batch(article_texts, pipeline):
    """corpus/articles 32 times over: about half a second of work for one thread."""
    items = [{"id": f"{id}#{k}", "text": text} for k in range(32) for id, text in article_texts.items()]
    list(pipeline.extract_many(items, threads=2))  # warm: the regexes' lazily built automata
    return items


def fastest(run, times=3):
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


@pytest.fixture(scope="module")
def cli_speedup(batch, tmp_path_factory):
    path = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in batch), encoding="utf-8")

    def cli(threads):
        subprocess.run([BINARY, "extract", "-q", "--threads", str(threads), str(path), "-o", "/dev/null"], check=True)

    one, two = fastest(lambda: cli(1)), fastest(lambda: cli(2))
    print(f"\nwarta extract: 1 thread {one:.3f} s, 2 threads {two:.3f} s, speed-up {one / two:.2f}")
    if one / two < 1.3:
        pytest.skip(f"no core to spare: the CLI itself gains only {one / two:.2f}x from a second thread")
    return one / two


def test_two_threads_give_the_same_records_in_input_order(pipeline, batch):
    one = list(pipeline.extract_many(batch, threads=1, raw=True))
    two = list(pipeline.extract_many(batch, threads=2, raw=True))
    assert two == one
    assert [r["id"] for r in pipeline.extract_many(batch, threads=2)] == [item["id"] for item in batch]


def test_extract_many_on_two_threads_is_faster_than_on_one(pipeline, batch, cli_speedup):
    one = fastest(lambda: list(pipeline.extract_many(batch, threads=1)))
    two = fastest(lambda: list(pipeline.extract_many(batch, threads=2)))
    print(f"extract_many: 1 thread {one:.3f} s, 2 threads {two:.3f} s, speed-up {one / two:.2f}")
    assert one / two > 1.2


def test_python_threads_share_one_pipeline_without_the_gil(pipeline, batch, cli_speedup):
    """extract releases the GIL: two Python threads, each with half the batch, beat one thread."""
    halves = [batch[0::2], batch[1::2]]
    serial = [None, None]
    parallel = [None, None]

    def work(k, into):
        into[k] = [pipeline.extract(item["text"], id=item["id"]) for item in halves[k]]

    def run_serial():
        work(0, serial)
        work(1, serial)

    def run_parallel():
        threads = [threading.Thread(target=work, args=(k, parallel)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    one = fastest(run_serial)
    two = fastest(run_parallel)
    print(f"extract from Python threads: 1 at a time {one:.3f} s, 2 at once {two:.3f} s, speed-up {one / two:.2f}")
    assert parallel == serial
    assert one / two > 1.2


def test_a_stream_left_halfway_is_dropped_while_its_chunk_runs(pipeline, batch):
    stream = pipeline.extract_many(batch, threads=2)
    first = next(stream)
    del stream  # waits for the chunk in the background, which holds documents the stream owns
    assert first["id"] == batch[0]["id"]
