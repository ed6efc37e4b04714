#!/usr/bin/env bash
# Times every report with its default parameters (reports that need a parameter get one
# found in the database), from the CLI and from the stock sqlite3 shell, and for every view
# its first 100 rows and its count(*) (issue #22 targets: 200 ms and 1 s).
#   scripts/bench_reports.sh DB [CORPUSDB]
set -u
db=$1
bin=${2:-target/release/corpusdb}
ms() { # runs "$@" with output thrown away, prints wall milliseconds
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}
q() { sqlite3 -readonly "$db" "$1"; }
entity=$(q "SELECT entity_id FROM entity_totals ORDER BY articles DESC LIMIT 1")
article=$(q "SELECT id FROM articles LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)")
story=$(q "SELECT id FROM stories ORDER BY articles DESC LIMIT 1")
speaker=$(q "SELECT e.name FROM speaker_sources x JOIN entities e ON e.id = x.entity_id GROUP BY x.entity_id ORDER BY sum(x.quotes) DESC LIMIT 1")
# The entity report takes a name: the most mentioned entity's (its heaviest case).
top=$(q "SELECT e.name FROM entities e WHERE e.id = $entity")
declare -A needs=(
    [article]="id=$article" [entity]="name=$top" [cooccurrence]="name=$top"
    [timeline]="name=$top" [who_said]="query=election" [story]="id=$story"
    [search]="query=election" [outlets]="name=$top"
)
printf '%-22s %8s %8s\n' "report" "cli ms" "shell ms"
for name in $("$bin" report --db "$db" --list 2>/dev/null | awk '/^[a-z_-]+( |$)/ { print $1 }'); do
    args=()
    setp=()
    key=${name//-/_}
    if [ -n "${needs[$key]:-}" ]; then
        args=(-p "${needs[$key]}")
        k=${needs[$key]%%=*}
        v=${needs[$key]#*=}
        case $v in
            '' | *[!0-9]*) setp=(-cmd ".parameter set :$k '$v'") ;;
            *) setp=(-cmd ".parameter set :$k $v") ;;
        esac
    fi
    sql=$(mktemp)
    "$bin" report --sql "$name" >"$sql" 2>/dev/null
    cli=$(ms "$bin" report --db "$db" --format csv "$name" "${args[@]}")
    shell=$(ms sqlite3 -readonly "${setp[@]}" "$db" ".read $sql")
    printf '%-22s %8s %8s\n' "$name" "$cli" "$shell"
    rm -f "$sql"
done
printf '\n%-22s %8s %8s\n' "view" "100 ms" "count ms"
for view in $(q "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"); do
    first=$(ms q "SELECT * FROM $view LIMIT 100")
    all=$(ms q "SELECT count(*) FROM $view")
    printf '%-22s %8s %8s\n' "$view" "$first" "$all"
done
