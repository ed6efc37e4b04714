#!/usr/bin/env python3
"""Checks that shard exports combine in Apache Spark as they do in DuckDB (issue #22).

    python3 scripts/spark_shards.py SHARDS_DIR WHOLE.db

SHARDS_DIR holds several `corpusdb export --shard NAME` exports side by side; WHOLE.db is one
database loaded with everything the shards hold. Each table of SHARDS_DIR is read by Spark's
own partition discovery (`shard=`, `source=`, `year=` folders, kept as strings), and the
cross-shard queries of tests/export.rs (top entities by kind and key, quotes per outlet, quote
clusters by key) are run in Spark SQL and compared with the same queries on WHOLE.db in SQLite.
Prints each query's first rows and exits 1 when any answer differs.

Needs `pip install pyspark` and a Java 17+ runtime; it is not part of the test suite, since
Spark takes minutes to install and start (tests/export.rs checks the same in DuckDB).
"""

import os
import sqlite3
import sys

from pyspark.sql import SparkSession

PAIRS = [
    (
        "top entities over every shard",
        """SELECT e.kind, e.key, count(*) AS n FROM mentions m
           JOIN entities e ON e.shard = m.shard AND e.id = m.entity_id
           GROUP BY e.kind, e.key ORDER BY n DESC, e.kind, e.key LIMIT 25""",
        """SELECT e.kind, e.key, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id
           GROUP BY e.kind, e.key ORDER BY n DESC, e.kind, e.key LIMIT 25""",
    ),
    (
        "quotes per outlet",
        """SELECT coalesce(s.name, '-') AS outlet, count(*) AS n FROM quotes q
           JOIN paragraphs p ON p.shard = q.shard AND p.id = q.paragraph_id
           JOIN articles a ON a.shard = p.shard AND a.id = p.article_id
           LEFT JOIN sources s ON s.shard = a.shard AND s.id = a.source_id
           GROUP BY coalesce(s.name, '-') ORDER BY outlet""",
        """SELECT coalesce(s.name, '-') AS outlet, count(*) AS n FROM quotes q
           JOIN paragraphs p ON p.id = q.paragraph_id
           JOIN articles a ON a.id = p.article_id LEFT JOIN sources s ON s.id = a.source_id
           GROUP BY outlet ORDER BY outlet""",
    ),
    (
        "quote clusters by key",
        "SELECT key, sum(quotes) AS n FROM quote_clusters GROUP BY key ORDER BY n DESC, key LIMIT 10",
        "SELECT key, sum(quotes) AS n FROM quote_clusters GROUP BY key ORDER BY n DESC, key LIMIT 10",
    ),
    (
        "articles",
        "SELECT count(*) FROM articles",
        "SELECT count(*) FROM articles",
    ),
]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    shards, whole = sys.argv[1], sys.argv[2]
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("corpusdb-shards")
        # Shard names like "a" or "2019" and outlet ids stay strings, as DuckDB's hive_types do.
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for table in sorted(os.listdir(shards)):
        spark.read.parquet(os.path.join(shards, table)).createOrReplaceTempView(table)
    distinct = spark.sql(
        "SELECT count(*) > count(DISTINCT id), count(*) = count(DISTINCT shard, id) FROM paragraphs"
    ).collect()[0]
    print(f"paragraph ids repeat across shards: {distinct[0]}; unique on (shard, id): {distinct[1]}")
    failed = not (distinct[0] and distinct[1])
    db = sqlite3.connect(f"file:{whole}?mode=ro", uri=True)
    for name, spark_sql, sqlite_sql in PAIRS:
        got = [tuple(r) for r in spark.sql(spark_sql).collect()]
        expected = [tuple(r) for r in db.execute(sqlite_sql).fetchall()]
        same = got == expected and len(expected) > 0
        failed |= not same
        print(f"{'same' if same else 'DIFFERENT'}: {name} ({len(got)} rows); first: {got[:3]}")
        if not same:
            print(f"  whole database: {expected[:3]}")
    spark.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
