#!/usr/bin/env python3
"""Scores the stories of a loaded allsides-37k database against the judged pairs here.

  python3 eval/stories/score.py corpus.db

Pairs are named by the corpus's own ids (articles.external_id), so any load of the corpus
can be scored. See README.md for how the pairs were drawn and judged.
"""
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).parent


def judged(name):
    rows = [line.rstrip("\n").split("\t") for line in (HERE / name).open()][1:]
    return [(a, b, float(sim) if sim else None, verdict) for a, b, sim, verdict, *_ in rows]


def main():
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    story = dict(db.execute("SELECT a.external_id, sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"))
    together = lambda a, b: story.get(a) is not None and story.get(a) == story.get(b)

    pool = judged("pool_verdicts.tsv")
    same = [p for p in pool if p[3] == "same"]
    different = [p for p in pool if p[3] == "different"]
    found = sum(together(a, b) for a, b, *_ in same)
    print(f"recall (pool): {found}/{len(same)} = {found / len(same):.3f} of judged same-event pairs are in one story;"
          f" {sum(together(a, b) for a, b, *_ in different)}/{len(different)} judged different are")

    pairs = judged("pairs_verdicts.tsv")
    kept_same = sum(together(a, b) for a, b, _, v in pairs if v == "same")
    kept_different = sum(together(a, b) for a, b, _, v in pairs if v == "different")
    if kept_same + kept_different:
        print(f"precision (pairs sampled from stories): {kept_same}/{kept_same + kept_different} = {kept_same / (kept_same + kept_different):.3f}"
              f" of the judged pairs still in one story are the same event")

    links = judged("links_verdicts.tsv")
    for lo, hi in [(0.25, 0.30), (0.30, 0.35), (0.35, 0.45), (0.45, 0.60), (0.60, 1.01)]:
        band = [v for _, _, sim, v in links if lo <= sim < hi]
        print(f"links with similarity {lo:.2f}-{min(hi, 1):.2f}: {sum(v == 'same' for v in band)}/{len(band)} same event")


if __name__ == "__main__":
    main()
