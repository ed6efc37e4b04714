#!/usr/bin/env bash
# Runs a command and prints the CPU seconds of each of its threads (by thread name), sampled
# from /proc/PID/task/*/stat until it exits: where a load's CPU goes (reader, text workers,
# the writer, which is the main thread `corpusdb`).
#   scripts/bench_threads.sh target/release/corpusdb --db /tmp/x.db load --quiet slice.jsonl
set -u
"$@" &
pid=$!
hz=$(getconf CLK_TCK)
declare -A cpu name
while kill -0 "$pid" 2>/dev/null; do
    for stat in /proc/"$pid"/task/*/stat; do
        [ -r "$stat" ] || continue
        line=$(cat "$stat" 2>/dev/null) || continue
        tid=${line%% *}
        comm=${line#*(}; comm=${comm%%)*}
        rest=${line##*) }
        read -r -a f <<<"$rest"
        # fields after "comm)": state is f[0]; utime is field 14 of stat, f[11]; stime f[12]
        cpu[$tid]=$(( f[11] + f[12] ))
        name[$tid]=$comm
    done
    sleep 0.5
done
wait "$pid"
rc=$?
declare -A by
total=0
for tid in "${!cpu[@]}"; do
    n=${name[$tid]}
    case $n in text-*) n=text-workers ;; esac
    by[$n]=$(( ${by[$n]:-0} + cpu[$tid] ))
    total=$(( total + cpu[$tid] ))
done
for n in "${!by[@]}"; do
    awk -v n="$n" -v t="${by[$n]}" -v all="$total" -v hz="$hz" \
        'BEGIN { printf "%-14s %8.1f s  %5.1f %%\n", n, t / hz, 100 * t / all }'
done | sort -k2 -nr
awk -v all="$total" -v hz="$hz" 'BEGIN { printf "%-14s %8.1f s\n", "all threads", all / hz }'
exit $rc
