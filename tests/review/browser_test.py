#!/usr/bin/env python3
"""warta review's site in a real browser (headless Chromium, from scripts/install-deps.sh).

Usage: browser_test.py WARTA SOURCE_DIR SCREENSHOT.png

Builds the site of corpus/articles (and ../shared/seeds when present), loads
every page, and checks that scripts run without console errors, that every
entity and record is in the DOM, that a link to a record shows its evidence,
that the index filters work, and that hostile article text, titles and URLs
show as text and run nothing. Saves a screenshot of an article page.
Exit 77 (skipped) when no Chromium is installed.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, exe, tmp):
        self.exe = exe
        self.profile = os.path.join(tmp, "profile")

    def run(self, url, *extra):
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        cmd = [self.exe, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + self.profile,
               "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *extra, url]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        console = [l for l in done.stderr.splitlines()
                   if "CONSOLE" in l or "Uncaught" in l or "Refused to" in l or "Failed to load" in l]
        return done.stdout, console

    def dom(self, url):
        out, console = self.run(url, "--dump-dom")
        if console:
            fail("console messages on %s:\n%s" % (url, "\n".join(console)))
        return out

    def screenshot(self, url, path):
        self.run(url, "--window-size=1280,1600", "--screenshot=" + path)
        if not os.path.getsize(path):
            fail("no screenshot written to " + path)


failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def url(path, fragment=""):
    return "file://" + os.path.abspath(path) + fragment


def warta(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit("warta %s: exit %d\n%s" % (" ".join(args), done.returncode, done.stderr))
    return done.stdout


def corpus_site(browser, binary, source, tmp, screenshot):
    inputs = [os.path.join(source, "corpus", "articles")]
    shared = os.environ.get("WARTA_SHARED", os.path.join(source, "..", "shared"))
    if os.path.isdir(os.path.join(shared, "seeds")):
        inputs.append(os.path.join(shared, "seeds"))
    else:
        print("note: %s/seeds not present; the site of corpus/articles alone" % shared)
    records_out = os.path.join(tmp, "out.jsonl")
    warta(binary, "extract", *inputs, "-o", records_out)
    lines = [json.loads(l) for l in open(records_out, encoding="utf-8") if l.strip()]
    entities = sum(len(l.get("entities") or []) for l in lines)
    records = sum(len(l.get("awards") or []) for l in lines)
    site = os.path.join(tmp, "site")
    warta(binary, "review", *inputs, "-o", site, "--quiet")

    # Every page: no console errors; every entity is one focusable mark (its
    # continuation pieces are not), every record one row.
    marks = rows = 0
    for page in sorted(glob.glob(os.path.join(site, "pages", "*.html"))):
        dom = browser.dom(url(page))
        marks += len(re.findall(r'<mark class="e t-\w+(?: fp)?" tabindex="0"', dom))
        rows += len(re.findall(r'<tr class="rec(?: fp)?"', dom))
    check(marks == entities, "%d entity highlights in the DOM, the output has %d entities" % (marks, entities))
    check(rows == records, "%d record rows in the DOM, the output has %d records" % (rows, records))

    # A link to a record selects it and marks each of its evidence spans.
    first = next(i for i, l in enumerate(lines) if l.get("awards"))
    record = "a%dr0" % (first + 1)
    page = os.path.join(site, "pages", "%05d.html" % (first // 20 + 1))
    dom = browser.dom(url(page, "#" + record))
    check('data-selected="%s"' % record in dom, "the record of #%s is not selected" % record)
    lit = len(re.findall(r'<span class="ev on" data-r="%s"' % record, dom))
    check(lit == len(lines[first]["awards"][0]["evidence"]),
          "%d evidence spans shown for %s, it has %d" % (lit, record, len(lines[first]["awards"][0]["evidence"])))
    browser.screenshot(url(page, "#" + record), screenshot)

    # Filters, set through the fragment as a linked view would.
    index = os.path.join(site, "index.html")
    total = len(lines)
    with_records = sum(1 for l in lines if l.get("awards"))
    dom = browser.dom(url(index, "#awards=1"))
    shown = re.search(r'<output id="shown">(\d+) of (\d+)', dom)
    check(shown and (int(shown.group(1)), int(shown.group(2))) == (with_records, total),
          "award articles filter: %s, expected %d of %d" % (shown and shown.group(0), with_records, total))
    check(not re.search(r'<tr data-rec="[1-9][^>]*hidden', dom), "an article with records was hidden")
    award = lines[first]["awards"][0]["award"]
    dom = browser.dom(url(index, "#award=" + award.replace(" ", "%20")))
    expected = sum(1 for l in lines if any(a["award"].lower().find(award.lower()) >= 0 for a in l.get("awards") or []))
    shown = re.search(r'<output id="shown">(\d+) of', dom)
    check(shown and int(shown.group(1)) == expected, "award filter %r: %s, expected %d" % (award, shown and shown.group(0), expected))
    print("corpus site: %d articles, %d highlights, %d records in the DOM; screenshot %s" % (total, marks, rows, screenshot))


HOSTILE_TEXT = ("Pemkot Bogor meraih Adipura 2019 <script>document.body.setAttribute('data-pwned','script')</script> "
                "</textarea></title>\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> "
                "' \" <a href=\"javascript:document.body.setAttribute('data-pwned','a')\">klik</a>")


def escaping(browser, binary, tmp):
    articles = os.path.join(tmp, "hostile.jsonl")
    with open(articles, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "x\"><script>document.body.setAttribute('data-pwned','id')</script>",
                            "title": "</title><script>document.body.setAttribute('data-pwned','title')</script>",
                            "url": "javascript:document.body.setAttribute('data-pwned','url')",
                            "text": HOSTILE_TEXT}) + "\n")
    records_out = os.path.join(tmp, "hostile.out.jsonl")
    warta(binary, "extract", articles, "-o", records_out)
    for name, args in (("articles", [articles]), ("output", ["--from-output", records_out])):
        site = os.path.join(tmp, "hostile-" + name)
        warta(binary, "review", *args, "-o", site, "--quiet")
        for page in [os.path.join(site, "index.html")] + glob.glob(os.path.join(site, "pages", "*.html")):
            dom = browser.dom(url(page))
            where = "%s (%s)" % (os.path.relpath(page, site), name)
            body = re.search(r"<body[^>]*>", dom)
            check(body and "data-pwned" not in body.group(0), where + ": a hostile script ran")
            check(len(re.findall(r"<script\b", dom)) == 1, where + ": a <script> element besides site.js")
            check(not re.search(r"<img\b|<a [^>]*href=\"javascript", dom), where + ": hostile markup became elements")
            check("&lt;script&gt;" in dom, where + ": the hostile text is not shown as text")
    print("escaping: hostile text, title, id and URL shown as text, nothing ran")


def main():
    binary, source, screenshot = sys.argv[1:4]
    exe = chromium()
    if not exe:
        print("SKIP: no Chromium found (scripts/install-deps.sh installs Debian's chromium)")
        return SKIP
    tmp = tempfile.mkdtemp(prefix="warta-browser-")
    try:
        browser = Browser(exe, tmp)
        corpus_site(browser, binary, source, tmp, screenshot)
        escaping(browser, binary, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
