#!/usr/bin/env python3
"""Draws the hand-judged entity gold of issue #20 (eval/entities/README.md has the protocol).

  python3 scripts/entities_sample.py subset SEED N < allsides-37k.jsonl > subset.jsonl
      N records of allsides, chosen by SEED (the load the sample is drawn from)
  python3 scripts/entities_sample.py sample DB CORPUS N SEED > sample.tsv
      N mentions of CORPUS (allsides, bbc or hyperpartisan) from a loaded database, in an order
      that depends
      only on SEED and each mention's stable keys (article external id, paragraph position,
      start), so the same corpus loaded again gives the same sample. An article's corpus is
      told by its origin (file:line): the bbc folder, a file named hyperpartisan*.jsonl
      (scripts/convert_corpus.py's output), else allsides
  python3 scripts/entities_sample.py show sample.tsv DB
      each sampled mention as the judge reads it: the article's title, the paragraph around
      the mention (marked [[ ]]), the stored mention kind, its entity's name, kind, mention
      count and spellings, and the other entities of the article that share a word with it

The sample's columns are the keys the verdicts keep (`corpus external_id position start end
text`) and what the database said when it was drawn (`stored_kind entity entity_kind`).
Nothing here decides a verdict: the judge reads `show` and writes them.
"""
import gzip
import hashlib
import random
import re
import sqlite3
import sys

def corpus_of(origin):
    """The corpus an article was loaded from, by its origin (file:line)."""
    if "/bbc/" in origin:
        return "bbc"
    if "hyperpartisan" in origin.rsplit("/", 1)[-1]:
        return "hyperpartisan"
    return "allsides"


def subset(seed, n):
    lines = sys.stdin.read().splitlines()
    for i in sorted(random.Random(seed).sample(range(len(lines)), n)):
        print(lines[i])


def rank(seed, ext, position, start):
    return hashlib.sha1(f"{seed}:{ext}:{position}:{start}".encode()).hexdigest()


def sample(path, corpus, n, seed):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = db.execute(
        """SELECT a.external_id, p.position, m.start, m."end", m.text, m.kind, e.name, e.kind,
                  a.origin
           FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
           JOIN articles a ON a.id = p.article_id JOIN entities e ON e.id = m.entity_id"""
    ).fetchall()
    rows = [r[:8] for r in rows if corpus_of(r[8]) == corpus]
    rows.sort(key=lambda r: rank(seed, r[0], r[1], r[2]))
    print("corpus\texternal_id\tposition\tstart\tend\ttext\tstored_kind\tentity\tentity_kind")
    for ext, pos, start, end, text, kind, name, ekind in rows[:n]:
        print("\t".join(map(str, [corpus, ext, pos, start, end, text, kind, name, ekind])))


def show(sample_path, path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    lines = open(sample_path, encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    for n, line in enumerate(lines[1:], 1):
        r = dict(zip(header, line.split("\t")))
        art = db.execute(
            "SELECT id, title FROM articles WHERE external_id = ?", (r["external_id"],),
        ).fetchone()
        para, ptext = db.execute(
            "SELECT id, text FROM paragraphs WHERE article_id = ? AND position = ?",
            (art[0], int(r["position"])),
        ).fetchone()
        s, e = int(r["start"]), int(r["end"])
        lo, hi = max(0, s - 220), min(len(ptext), e + 220)
        ctx = ptext[lo:s] + "[[" + ptext[s:e] + "]]" + ptext[e:hi]
        ent = db.execute(
            """SELECT e.id, (SELECT count(*) FROM mentions WHERE entity_id = e.id),
                      (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM entity_aliases
                       WHERE entity_id = e.id LIMIT 6))
               FROM mentions m JOIN entities e ON e.id = m.entity_id
               WHERE m.paragraph_id = ? AND m.start = ?""",
            (para, s),
        ).fetchone()
        words = {w.lower() for w in re.findall(r"\w+", r["text"]) if len(w) > 2}
        others = []
        for name, kind, cnt in db.execute(
            """SELECT e.name, e.kind, count(*) FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
               JOIN entities e ON e.id = m.entity_id WHERE p.article_id = ? AND e.id <> ?
               GROUP BY e.id""",
            (art[0], ent[0]),
        ):
            if words & {w.lower() for w in re.findall(r"\w+", name)}:
                others.append(f"{name} ({kind}, {cnt})")
        print(f"#{n} [{r['corpus']} {r['external_id']} p{r['position']}] {art[1]}")
        print("   " + re.sub(r"\s+", " ", ctx))
        print(f"   mention={r['text']!r} kind={r['stored_kind']}  entity={r['entity']!r} "
              f"({r['entity_kind']}, {ent[1]} mentions; {ent[2]})")
        if others:
            print("   same-word entities in article: " + "; ".join(others))
        print()


def main():
    mode = sys.argv[1]
    if mode == "subset":
        subset(int(sys.argv[2]), int(sys.argv[3]))
    elif mode == "sample":
        sample(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif mode == "show":
        show(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
