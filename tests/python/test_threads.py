"""extract_many on threads keeps input order; C++ works without the GIL (ctest python.threads
runs these alone: they time two threads against one)."""
import threading
import time

import pytest

pytestmark = pytest.mark.timing


@pytest.fixture(scope="module")
def batch(article_texts):
    """corpus/articles 16 times over: about 0.5 s of work for one thread."""
    return [{"id": f"{id}#{k}", "text": text} for k in range(16) for id, text in article_texts.items()]


def fastest(run, times=3):
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def test_two_threads_give_the_same_records_in_input_order(pipeline, batch):
    one = list(pipeline.extract_many(batch, threads=1, raw=True))
    two = list(pipeline.extract_many(batch, threads=2, raw=True))
    assert two == one
    assert [r["id"] for r in pipeline.extract_many(batch, threads=2)] == [item["id"] for item in batch]


def test_extract_many_on_two_threads_is_faster_than_on_one(pipeline, batch):
    one = fastest(lambda: list(pipeline.extract_many(batch, threads=1)))
    two = fastest(lambda: list(pipeline.extract_many(batch, threads=2)))
    print(f"extract_many: 1 thread {one:.3f} s, 2 threads {two:.3f} s, speed-up {one / two:.2f}")
    assert two < 0.8 * one


def test_python_threads_share_one_pipeline_without_the_gil(pipeline, batch):
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
    print(f"extract from Python threads: 1 at a time {one:.3f} s, 2 at once {two:.3f} s")
    assert parallel == serial
    assert two < 0.8 * one
