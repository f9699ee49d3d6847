#!/usr/bin/python3
"""ctest dask.local_cluster: tools/warta_dask.py on a Dask cluster on 127.0.0.1
writes the same bytes, and exits with the same code, as one `warta extract` run.

  dask_test.py WARTA SOURCE_DIR

Exits 77 (ctest: skipped) when Dask is not installed for this python. --in-process
(the Python module in the workers) is checked too when `import warta` works
(ctest puts build/python on PYTHONPATH).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from distributed import LocalCluster
except ImportError:
    print("skipped: no Dask for", sys.executable, "(apt-get install python3-distributed)")
    sys.exit(77)

try:
    import warta  # noqa: F401
    HAVE_MODULE = True
except ImportError:
    HAVE_MODULE = False

WARTA, SOURCE = sys.argv[1], sys.argv[2]
SCRIPT = os.path.join(SOURCE, "tools", "warta_dask.py")
ARTICLES = os.path.join(SOURCE, "corpus", "articles")
failures = []


def write_jsonl(path):
    """The corpus as JSONL, with bad lines among the records. Numeric dates that
    read either way, and one that reads only month first: every shard must choose
    month first from the whole input, not guess day first from its own records."""
    lines = []
    for i, name in enumerate(sorted(os.listdir(ARTICLES))):
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            record = {"id": name.split(".")[0], "text": f.read(), "date_publish": f"0{i % 9 + 1}/06/2024"}
        lines.append(json.dumps(record, ensure_ascii=False))
        if i == 3:
            lines += ["", '{"text": "unterminated', "   ", '{"title": "no text field"}']
        if i == 10:
            lines += ['{"text": "a"} {"text": "b"}', "[1, 2]"]
    lines.append(json.dumps({"id": "last", "text": "Berita singkat.", "date_publish": "06/13/2024"}))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def check(name, inputs, options=(), warta_options=(), cluster=None):
    """Runs warta once and the script once over `inputs`; compares bytes and exit codes."""
    tmp = tempfile.mkdtemp(dir=WORK)
    want_path, got_path = os.path.join(tmp, "one.jsonl"), os.path.join(tmp, "merged.jsonl")
    want = subprocess.run([WARTA, "extract", "-q", "-o", want_path, *warta_options, *inputs],
                          stderr=subprocess.PIPE, text=True, timeout=60)
    where = ["--local", "2"] if cluster is None else ["--scheduler", cluster.scheduler_address]
    started = time.monotonic()
    got = subprocess.run([sys.executable, SCRIPT, *where, "--warta", WARTA, "-o", got_path, *options, *inputs,
                          "--", *warta_options], stderr=subprocess.PIPE, text=True, timeout=60)
    seconds = time.monotonic() - started
    problems = []
    if got.returncode != want.returncode:
        problems.append(f"exit code {got.returncode}, warta alone {want.returncode}")
    if want.returncode != 2:
        with open(want_path, "rb") as w:
            want_lines = w.read().split(b"\n")
        got_lines = open(got_path, "rb").read().split(b"\n") if os.path.exists(got_path) else [b""]
        if got_lines != want_lines:
            diff = next((i for i, (a, b) in enumerate(zip(want_lines, got_lines)) if a != b), None)
            problems.append(f"output differs: {len(got_lines) - 1} lines, warta alone {len(want_lines) - 1}, "
                            f"first different line {diff}")
        detail = f"{len(want_lines) - 1} records"
    else:
        detail = "usage error"
    print(f"{'FAIL' if problems else 'ok  '} {name}: exit {got.returncode}, {detail}, {seconds:.2f} s")
    if problems:
        print("  " + "\n  ".join(problems) + "\n  script stderr:\n" + got.stderr, end="")
        failures.append(name)


if __name__ == "__main__":
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as WORK:
        feed = os.path.join(WORK, "feed.jsonl")
        write_jsonl(feed)
        one_file = os.path.join(ARTICLES, sorted(os.listdir(ARTICLES))[0])
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            print(f"cluster {cluster.scheduler_address}, 2 workers, {time.monotonic() - started:.2f} s to start")
            check("corpus/articles, a shard per worker", [ARTICLES], cluster=cluster)
            check("JSONL with bad lines, 3 shards", [feed], ["--shards", "3"], cluster=cluster)
            check("folder and JSONL, 5 shards", [ARTICLES, feed], ["--shards", "5"], cluster=cluster)
            check("one article, 3 shards (two empty)", [one_file], ["--shards", "3"], cluster=cluster)
            check("warta usage error", [feed], warta_options=["--date-order", "bogus"], cluster=cluster)
            if HAVE_MODULE:
                check("in process: JSONL with bad lines, 3 shards", [feed], ["--shards", "3", "--in-process"],
                      cluster=cluster)
                check("in process: folder and JSONL, 5 shards", [ARTICLES, feed], ["--shards", "5", "--in-process"],
                      cluster=cluster)
                check("in process: warta usage error", [feed], ["--in-process"],
                      warta_options=["--date-order", "bogus"], cluster=cluster)
            else:
                print("skipped --in-process: no module warta for", sys.executable)
        check("JSONL with bad lines, --local 2", [feed])
    print(f"{'FAILED: ' + ', '.join(failures) if failures else 'all passed'} in {time.monotonic() - started:.2f} s")
    sys.exit(1 if failures else 0)
