#!/usr/bin/python3
"""Runs `warta extract` across a Dask cluster and merges the shards into one JSONL file.

  warta_dask.py --scheduler tcp://HOST:8786 --warta /shared/warta/build/warta \\
      -o /shared/out/records.jsonl /shared/in/feed.jsonl.gz
  warta_dask.py --local 4 --warta build/warta -o records.jsonl corpus/articles
  warta_dask.py ... -o records.jsonl feed.jsonl -- --text-field maintext
  warta_dask.py --local 4 --in-process -o records.jsonl corpus/articles

Each of N tasks runs `warta extract --shard K/N --threads 1 -o PART INPUT...` on a
worker, one task per worker thread by default. With --in-process a task does the same
through the Python module `warta` inside the worker (no subprocess; `import warta`
must work there: PYTHONPATH=build/python), writing the same bytes. The warta binary
(and its rules), the inputs and the output's folder must be at the same paths on every
worker: a shared filesystem. Options after `--` go to every warta run (input options such as
--text-field, --date-order, --rules); the output is always JSONL.

Shard K holds records K-1, K-1+N, K-1+2N, ... of the input: warta counts every record
it reads, error records (bad lines, unreadable files) included, and blank JSONL lines
are not records. So record i of the input is line i // N of part i % N, and the merge
interleaves the parts round-robin: the output is byte for byte what one `warta
extract` run over the same input writes.

Exit codes, as warta's: 0 all records processed, 1 some records failed or a shard did
not finish, 2 usage error (here, or warta's own: bad options, broken rule file).
Needs Dask from Debian 12: apt-get install --no-install-recommends python3-distributed
(on the workers too); hence /usr/bin/python3, not a python3 earlier on PATH.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# warta's last summary line; "shard K/N of R records" is added when N > 1. It is
# printed only after every record is written, so it also says the part is complete.
SUMMARY = re.compile(r"^warta: (\d+) articles, (\d+) errors.*?(?:, shard \d+/\d+ of (\d+) records)?$", re.M)
# The driver sets these for every run; a second value would break the merge.
OWN_OPTIONS = ("-o", "--output", "-f", "--format", "--shard", "-j", "--threads", "-q", "--quiet")


def run_shard(warta, k, n, part, inputs, extra):
    """On a worker: one warta run over shard k of n. Returns (exit code, stderr)."""
    command = [warta, "extract", "--shard", f"{k}/{n}", "--threads", "1", "-o", part, *extra, "--", *inputs]
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, errors="replace")
    except OSError as e:  # no binary at that path on this worker
        return None, f"cannot run {warta}: {e}\n"
    return done.returncode, done.stderr


# The warta options after -- that --in-process understands: input options, as
# keyword arguments of warta.Pipeline and warta.read.
PIPELINE_OPTIONS = {"--rules": "rules", "--date-order": "date_order"}
READ_OPTIONS = {"--input-format": "input_format", "--text-field": "text_field", "--title-field": "title_field",
                "--date-field": "date_field", "--id-field": "id_field", "--url-field": "url_field"}


def module_options(extra):
    """The options after -- as (Pipeline keywords, read keywords); raises ValueError for others."""
    p = argparse.ArgumentParser(prog="warta (in process)", add_help=False, exit_on_error=False)
    for flag in (*PIPELINE_OPTIONS, *READ_OPTIONS):
        p.add_argument(flag)
    p.add_argument("--glob", action="append", default=[])
    try:
        given, unknown = p.parse_known_args(extra)
    except argparse.ArgumentError as e:
        raise ValueError(str(e)) from e
    if unknown:
        raise ValueError("--in-process takes only input options after --, not " + " ".join(unknown))
    values = vars(given)
    pipeline = {key: values[key] for key in PIPELINE_OPTIONS.values() if values[key] is not None}
    read = {key: values[key] for key in READ_OPTIONS.values() if values[key] is not None}
    return pipeline, {**read, "glob": values["glob"]}


def run_shard_in_process(k, n, part, inputs, options):
    """On a worker: shard k of n through the warta module, as run_shard does with the
    binary. Returns (exit code, the summary line warta extract would print)."""
    import warta
    pipeline_options, read_options = options
    started = time.monotonic()
    try:
        pipeline = warta.Pipeline(**pipeline_options)
        if pipeline_options.get("date_order", "auto") == "auto":
            pipeline.survey(warta.read(*inputs, **read_options))  # the CLI's first pass
    except ValueError as e:  # warta.RuleError among them
        return EXIT_USAGE, f"warta: {e}\n"
    read = errors = records = 0

    def shard():
        nonlocal read, errors
        for i, article in enumerate(warta.read(*inputs, **read_options)):
            read = i + 1
            if i % n == k - 1:
                errors += article.error is not None
                yield article

    with open(part, "w", encoding="utf-8") as out:
        for record in pipeline.extract_many(shard(), threads=1, raw=True):
            out.write(record + "\n")
            records += 1
    summary = f"warta: {records} articles, {errors} errors, {time.monotonic() - started:.2f} s"
    if n > 1:
        summary += f", shard {k}/{n} of {read} records"
    return (EXIT_FAILED if errors else EXIT_OK), summary + "\n"


def merge(parts, output):
    """Interleaves the parts round-robin into output; returns (records, leftover lines?)."""
    files = [open(p, "rb") for p in parts]
    written = 0
    with open(output, "wb") as out:
        while line := files[written % len(files)].readline():
            out.write(line)
            written += 1
    # When one part ends, the round is over: every other part must have ended too.
    leftover = any(f.readline() for f in files)
    for f in files:
        f.close()
    return written, leftover


def parse_args(argv):
    extra = []
    if "--" in argv:  # what follows goes to warta as it is
        extra, argv = argv[argv.index("--") + 1:], argv[:argv.index("--")]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                epilog="Options after -- are passed to every warta run.")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local", type=int, metavar="N", help="start a local cluster of N worker processes on 127.0.0.1")
    p.add_argument("--warta", default="warta", help="the warta binary, same path on every worker (default: warta on PATH)")
    p.add_argument("--in-process", action="store_true",
                   help="run warta through its Python module inside the workers instead of the binary")
    p.add_argument("--shards", type=int, default=0, help="number of shards (default: total worker threads)")
    p.add_argument("-o", "--output", required=True, help="the merged JSONL file; parts go in a folder beside it")
    p.add_argument("-q", "--quiet", action="store_true", help="do not repeat the shards' standard error")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders, same paths on every worker")
    args = p.parse_args(argv)
    if args.local is not None and args.local < 1 or args.shards < 0:
        p.error("--local and --shards must be positive")
    if "-" in args.inputs:
        p.error("standard input cannot be shared between workers; give files")
    if any(a.split("=")[0] in OWN_OPTIONS for a in extra):
        p.error("after --, give input options only: " + " ".join(OWN_OPTIONS) + " are set for each shard")
    if args.in_process:
        try:
            args.module_options = module_options(extra)
        except ValueError as e:
            p.error(str(e))
    # Workers do not share our working directory: give them absolute paths.
    if os.sep in args.warta:
        args.warta = os.path.abspath(args.warta)
    args.inputs = [os.path.abspath(i) for i in args.inputs]
    args.output = os.path.abspath(args.output)
    if not os.path.isdir(os.path.dirname(args.output)):
        p.error(f"no folder for {args.output}")
    return args, extra


def main(argv):
    args, extra = parse_args(argv)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("warta_dask: needs Dask: apt-get install --no-install-recommends python3-distributed", file=sys.stderr)
        return EXIT_USAGE
    started = time.monotonic()
    cluster = None
    try:
        if args.local:
            # Processes, not threads: each task just waits on its warta subprocess.
            cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
        client = Client(cluster or args.scheduler, timeout="20s")
    except OSError as e:
        print(f"warta_dask: cannot start or reach the cluster: {e}", file=sys.stderr)
        return EXIT_USAGE
    with client:
        n = args.shards or sum(client.nthreads().values())
        if n == 0:
            print("warta_dask: the scheduler has no workers", file=sys.stderr)
            return EXIT_USAGE
        parts_dir = tempfile.mkdtemp(prefix=".warta-dask-", dir=os.path.dirname(args.output))
        parts = [os.path.join(parts_dir, f"part-{k:05d}-of-{n:05d}.jsonl") for k in range(1, n + 1)]
        if args.in_process:
            futures = [client.submit(run_shard_in_process, k, n, parts[k - 1], args.inputs, args.module_options,
                                     pure=False) for k in range(1, n + 1)]
        else:
            futures = [client.submit(run_shard, args.warta, k, n, parts[k - 1], args.inputs, extra, pure=False)
                       for k in range(1, n + 1)]
        results = []
        for future in futures:
            try:
                results.append(future.result())
            except Exception as e:  # the task itself failed, e.g. its workers kept dying
                results.append((None, f"task failed: {e!r}\n"))
        workers = len(client.nthreads())
    if cluster:
        cluster.close()

    codes = [code for code, _ in results]
    summaries = [SUMMARY.search(err) for _, err in results]
    for k, (code, err) in enumerate(results, 1):
        if not args.quiet or code not in (0, 1):
            for line in err.splitlines():
                print(f"[{k}/{n}] {line}", file=sys.stderr)
    if EXIT_USAGE in codes:
        shutil.rmtree(parts_dir)
        return EXIT_USAGE
    # Every part complete, and every shard counted the same input.
    unfinished = [k for k, (c, s) in enumerate(zip(codes, summaries), 1) if c not in (0, 1) or not s]
    totals = {int(s.group(3) or s.group(1)) for s in summaries if s}
    if unfinished or len(totals) != 1:
        why = (f"shards {unfinished} did not finish" if unfinished
               else f"shards read different inputs: {sorted(totals)} records")
        print(f"warta_dask: {why}; parts left in {parts_dir}", file=sys.stderr)
        return EXIT_FAILED
    total = totals.pop()
    # Merged beside the parts and moved into place: a failed run leaves no half output.
    merged = os.path.join(parts_dir, "merged.jsonl")
    records, leftover = merge(parts, merged)
    if records != total or leftover:
        print(f"warta_dask: merged {records} of {total} records; parts left in {parts_dir}", file=sys.stderr)
        return EXIT_FAILED
    os.replace(merged, args.output)
    shutil.rmtree(parts_dir)
    errors = sum(int(s.group(2)) for s in summaries)
    if not args.quiet:
        print(f"warta_dask: {records} articles, {errors} errors, {n} shards on {workers} workers, "
              f"{time.monotonic() - started:.2f} s", file=sys.stderr)
    return EXIT_FAILED if errors or EXIT_FAILED in codes else EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
