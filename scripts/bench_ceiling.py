#!/usr/bin/env python3
"""Untimed preparation step for scripts/bench_load.sh.

Reads the gzipped JSON Lines corpus once and writes:
  --jsonl PATH  the corpus decompressed byte for byte (input for sqlite-utils)
  --csv PATH    one row per paragraph: id,article_id,position,text (with a header)

and prints one line "articles=N paragraphs=P text_bytes=B", where B is the total
UTF-8 byte length of every content_original field (the MB/s denominator).

Paragraphs: content_original split on blank lines (a line holding only spaces or
tabs counts as blank), each piece stripped, pieces that are empty or hold only
zero-width characters dropped. article_id is the
record's 1-based line number; position is the paragraph's 0-based index in the
article. The CSV has an explicit id column (1..P) because the sqlite3 shell's
.import into an existing 4-column table does not skip the INTEGER PRIMARY KEY: a
3-column file would shift every value one column left and lose rows to UNIQUE
failures.
"""
import argparse
import csv
import gzip
import json
import re
import sys

BLANK_LINE = re.compile(r"\n[ \t]*\n")
# str.strip() keeps these; a piece made only of them (8 in allsides-37k: a lone U+200B or
# U+FEFF between blank lines) is not a paragraph.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="allsides-37k.jsonl.gz")
    ap.add_argument("--jsonl", help="write the decompressed corpus here")
    ap.add_argument("--csv", help="write the paragraphs CSV here")
    args = ap.parse_args()

    articles = paragraphs = text_bytes = 0
    jout = open(args.jsonl, "wb") if args.jsonl else None
    cout = open(args.csv, "w", encoding="utf-8", newline="") if args.csv else None
    writer = csv.writer(cout, lineterminator="\n") if cout else None
    if writer:
        writer.writerow(["id", "article_id", "position", "text"])

    with gzip.open(args.corpus, "rb") as f:
        for raw in f:
            if jout:
                jout.write(raw)
            if not raw.strip():
                continue
            rec = json.loads(raw)
            articles += 1
            body = rec.get("content_original") or ""
            text_bytes += len(body.encode("utf-8"))
            pos = 0
            for piece in BLANK_LINE.split(body):
                piece = piece.strip()
                if not piece.strip(INVISIBLE).strip():
                    continue
                paragraphs += 1
                if writer:
                    writer.writerow([paragraphs, articles, pos, piece])
                pos += 1

    for fh in (jout, cout):
        if fh:
            fh.close()
    print(f"articles={articles} paragraphs={paragraphs} text_bytes={text_bytes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
