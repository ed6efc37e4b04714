#!/usr/bin/env python3
"""scale_corpus.py: a corpus K times the size of a JSON Lines news corpus, for measuring how
corpusdb's costs grow with the database (issue #22). Streams: memory stays flat.

Usage:  python3 scripts/scale_corpus.py INPUT.jsonl[.gz] K > OUTPUT.jsonl
        (gzip the output yourself if you like: `| gzip -1 > OUTPUT.jsonl.gz`)

Copy 0 is the input as it is. Copy c (1 <= c < K) of article i:
  - keeps its title, outlet and author fields; its id and url are made unique with "-c", so
    the copies never collide with the input's ids;
  - moves its date by c whole years (same day of the year: the corpus's rhythm of weekdays
    and news cycles stays, and stories still group within days);
  - takes the body's paragraphs interleaved with those of two other articles, up to the
    length of its own body (so each copy is about the size of its article), chosen by a
    fixed permutation per copy (articles i + c*7919 and i + c*104729, modulo the number held),
    so every paragraph is real news text but no copy is a near copy of any article, and
    the content hash, the MinHash of copies and the story grouping all see new articles.
The two other articles are taken from a sliding window of the last WINDOW articles read, so
the script never holds the corpus in memory.
"""
import gzip
import json
import sys
from collections import deque

WINDOW = 4096
BODY = "content_original"


def open_text(path):
    if path == "-":
        return sys.stdin
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def paragraphs(text):
    parts = [p for p in text.split("\n") if p.strip()]
    return parts or [text]


def shift_year(date, years):
    if not isinstance(date, str) or len(date) < 4 or not date[:4].isdigit():
        return date
    year = int(date[:4]) + years
    rest = date[4:]
    if rest.startswith("-02-29"):  # not every year has one
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def interleave(a, b, c, size):
    """Paragraphs of a, b and c in turn, until the text is as long as `size` characters."""
    out, length = [], 0
    for i in range(max(len(a), len(b), len(c))):
        for part in (a, b, c):
            if i < len(part):
                if out and length + len(part[i]) > size:
                    return out
                out.append(part[i])
                length += len(part[i]) + 1
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, copies = sys.argv[1], int(sys.argv[2])
    if copies < 1:
        sys.exit("K must be at least 1")
    window = deque(maxlen=WINDOW)
    out = sys.stdout
    for line in open_text(source):
        line = line.strip()
        if not line:
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError:
            out.write(line + "\n")  # damaged lines stay damaged: the loader reports them
            continue
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
        window.append(article)
        n = len(window)
        for c in range(1, copies):
            other1 = window[(n - 1 + c * 7919) % n]
            other2 = window[(n - 1 + c * 104729) % n]
            copy = dict(article)
            for key in ("ID", "id", "url"):
                if isinstance(copy.get(key), str) and copy[key]:
                    copy[key] = f"{copy[key]}-{c}"
            copy["date"] = shift_year(article.get("date"), c)
            own = article.get(BODY) or ""
            body = interleave(
                paragraphs(own),
                paragraphs(other1.get(BODY) or ""),
                paragraphs(other2.get(BODY) or ""),
                len(own),
            )
            copy[BODY] = "\n".join(body)
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
