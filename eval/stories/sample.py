#!/usr/bin/env python3
"""Samples article pairs from a loaded corpus for judging whether two articles report the same
event (eval/stories/README.md says how they are judged and scored).

  python3 eval/stories/sample.py DB links  N SEED > links.tsv   # grouping links, by similarity band
  python3 eval/stories/sample.py DB pairs  N SEED > pairs.tsv   # random pairs inside stories
  python3 eval/stories/sample.py DB pool   N SEED > pool.tsv    # recall pool (see README)
  python3 eval/stories/sample.py DB entities N SEED > ent.tsv   # hard pairs: shared entities (see README)

Each row: id, article a, article b, then for each its outlet, date, title and the start of its
body, and (links only) the similarity that grouped them. Judges add a verdict column.
"""
import random
import re
import sqlite3
import sys

STOP = set("the a an of to in on for and or but with at by from as is are was were be been has have had it its this that after over says said new will".split())


def body(db, article_id, chars=700):
    rows = db.execute("SELECT text FROM paragraphs WHERE article_id = ? AND kind = 'body' ORDER BY position", (article_id,)).fetchall()
    text = " ".join(r[0] for r in rows)
    return re.sub(r"\s+", " ", text)[:chars]


def describe(db, article_id):
    outlet, date, title = db.execute(
        "SELECT coalesce(s.name, ''), coalesce(a.published_at, ''), coalesce(a.title, '') FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        (article_id,)).fetchone()
    return [str(article_id), outlet, date, title, body(db, article_id)]


def clean(field):
    return str(field).replace("\t", " ").replace("\n", " ")


def main():
    path, mode, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rng = random.Random(seed)
    rows = []
    if mode == "links":
        links = db.execute("""SELECT sa.article_id, sa.matched_article_id, sa.similarity, sa.evidence FROM story_articles sa
                              JOIN articles a ON a.id = sa.article_id JOIN articles b ON b.id = sa.matched_article_id
                              WHERE sa.evidence IN ('text', 'quote') AND a.source_id IS NOT b.source_id""").fetchall()
        bands = [(0.25, 0.30), (0.30, 0.35), (0.35, 0.45), (0.45, 0.60), (0.60, 1.01)]
        for lo, hi in bands:
            inside = [l for l in links if lo <= l[2] < hi]
            for a, b, sim, evidence in rng.sample(inside, min(n // len(bands), len(inside))):
                rows.append((a, b, f"{sim:.3f}", evidence))
    elif mode == "pairs":
        stories = db.execute("SELECT story_id, group_concat(article_id) FROM story_articles GROUP BY story_id HAVING count(*) > 1").fetchall()
        # Pairs weighted as a reader meets them: every pair of every story equally likely.
        pairs = []
        for story, ids in stories:
            ids = [int(i) for i in ids.split(",")]
            pairs.extend((x, y, story) for i, x in enumerate(ids) for y in ids[i + 1:])
        for a, b, story in rng.sample(pairs, min(n, len(pairs))):
            rows.append((a, b, str(story), ""))
    elif mode == "pool":
        dated = [r[0] for r in db.execute("SELECT id FROM articles WHERE published_at IS NOT NULL AND title IS NOT NULL ORDER BY id")]
        rng.shuffle(dated)
        for a in dated:
            if len(rows) >= n:
                break
            title, date, source = db.execute("SELECT title, published_at, source_id FROM articles WHERE id = ?", (a,)).fetchone()
            words = [w for w in re.findall(r"[A-Za-z]{3,}", title.lower()) if w not in STOP]
            if len(words) < 3:
                continue
            query = " OR ".join(f'"{w}"' for w in words)
            best = db.execute("""SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid
                                 WHERE articles_fts MATCH ? AND a.id <> ? AND a.source_id IS NOT ?
                                   AND a.published_at IS NOT NULL AND abs(julianday(substr(a.published_at, 1, 10)) - julianday(substr(?, 1, 10))) <= 3
                                 ORDER BY bm25(articles_fts) LIMIT 1""", (query, a, source, date)).fetchone()
            if best:
                rows.append((a, best[0], "", ""))
    elif mode == "entities":
        # Independent of any grouping: a random dated article with three entities or more,
        # and another outlet's article within 2 days that shares the most of them; every
        # other pair takes instead the partner sharing two or more whose title shares the
        # fewest words with it (same day, shared entities, different titles: the hard case).
        dated = [r[0] for r in db.execute("SELECT id FROM articles WHERE published_at IS NOT NULL AND title IS NOT NULL ORDER BY id")]
        rng.shuffle(dated)
        words = lambda t: {w for w in re.findall(r"[a-z]{3,}", (t or "").lower()) if w not in STOP}
        for a in dated:
            if len(rows) >= n:
                break
            title, date, source = db.execute("SELECT title, published_at, source_id FROM articles WHERE id = ?", (a,)).fetchone()
            ents = {r[0] for r in db.execute("SELECT DISTINCT m.entity_id FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.article_id = ? AND p.kind IN ('title', 'body')", (a,))}
            if len(ents) < 3:
                continue
            marks = ",".join("?" * len(ents))
            shared = db.execute(f"""SELECT p.article_id, count(DISTINCT m.entity_id) AS n, b.title FROM mentions m
                                    JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles b ON b.id = p.article_id
                                    WHERE m.entity_id IN ({marks}) AND p.kind IN ('title', 'body') AND b.id <> ? AND b.source_id IS NOT ?
                                      AND b.published_at IS NOT NULL AND abs(julianday(substr(b.published_at, 1, 10)) - julianday(substr(?, 1, 10))) <= 2
                                    GROUP BY p.article_id HAVING n >= 2""", (*ents, a, source, date)).fetchall()
            if not shared:
                continue
            if len(rows) % 2 == 0:
                best = max(shared, key=lambda r: (r[1], -r[0]))
            else:
                best = min(shared, key=lambda r: (len(words(title) & words(r[2])), -r[1], r[0]))
            rows.append((a, best[0], str(best[1]), ""))
    for a, b, extra, evidence in rows:
        print("\t".join(clean(f) for f in [*describe(db, a), *describe(db, b), extra, evidence]))


if __name__ == "__main__":
    main()
