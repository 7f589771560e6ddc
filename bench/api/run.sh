#!/usr/bin/env bash
# Load test of the HTTP API: builds the binary, fills a database with >= 10,000 articles,
# serves it on loopback and runs wrk against an event brief. Prints requests/s and p99.
#
#   bench/api/run.sh [ARTICLES.jsonl] [COUNT]
#
# ARTICLES.jsonl (default ../shared/data/events/dev/articles.jsonl) is replicated with new ids
# until COUNT (default 10200, so that >= 10,000 store: a few records have no text) articles. PROFILE=dev skips the release build (faster to build;
# dependencies are optimised in dev builds too). PORT (default 18080), DURATION (default 15s).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source_jsonl="${1:-$root/../shared/data/events/dev/articles.jsonl}"
count="${2:-10200}"
profile="${PROFILE:-release}"
port="${PORT:-18080}"
duration="${DURATION:-15s}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target-serve}"
work="$(mktemp -d)"
trap 'kill "${server_pid:-}" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y wrk >/dev/null; }

if [ "$profile" = release ]; then
    cargo build --release -p corroborate >&2
    binary="$CARGO_TARGET_DIR/release/corroborate"
else
    cargo build -p corroborate >&2
    binary="$CARGO_TARGET_DIR/debug/corroborate"
fi

# Replicate the articles with new ids (and a marker line, so copies are not byte-identical).
python3 - "$source_jsonl" "$count" > "$work/articles.jsonl" <<'PY'
import json, sys
path, count = sys.argv[1], int(sys.argv[2])
records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
written = 0
copy = 0
while written < count:
    for record in records:
        if written >= count:
            break
        record = dict(record)
        record["id"] = f"{record.get('id', written)}-r{copy}"
        if copy:
            record["text"] = f"{record.get('text', '')}\n\nReplica {copy}."
        print(json.dumps(record))
        written += 1
    copy += 1
PY

db="$work/bench.db"
token="bench-$(date +%s%N)"
/usr/bin/time -f "ingest: %e s, %M KiB peak" "$binary" --quiet --db "$db" ingest --max-file-bytes 2000000000 "$work/articles.jsonl" >&2 || [ $? -eq 1 ]  # 1: some records had no text

"$binary" --quiet --db "$db" serve --bind "127.0.0.1:$port" --token "$token" \
    --request-timeout 3600 &
server_pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/events?limit=1" >/dev/null 2>&1 && break
    sleep 0.1
done

/usr/bin/time -f "analyse: %e s" curl -fsS -X POST -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/analyse" >&2
echo >&2

# Two briefs: the event with the most articles (the heaviest answer) and a median one.
events_json="$work/events.json"
curl -fsS "http://127.0.0.1:$port/api/v1/events?limit=1000" > "$events_json"
read -r largest median < <(python3 - "$events_json" <<'PY'
import json, sys
events = sorted(json.load(open(sys.argv[1])), key=lambda e: (len(e["articles"]), e["id"]))
print(events[-1]["id"], events[len(events) // 2]["id"])
PY
)
articles="$("$binary" --quiet --db "$db" articles 2>/dev/null | wc -l || true)"
echo "database: $count records, $articles articles stored" >&2

for event in "$largest" "$median"; do
    members="$(curl -fsS "http://127.0.0.1:$port/api/v1/events/$event" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))')"
    url="http://127.0.0.1:$port/api/v1/events/$event/brief"
    size="$(curl -fsS -o /dev/null -w '%{size_download}' "$url")"
    echo "brief of $event: $members articles, $size bytes" >&2
    wrk -t2 -c50 -d"$duration" --latency "$url" | tee "$work/wrk.txt"
    requests="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
    p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
    echo "event of $members articles ($size bytes): requests/s: $requests  p99: $p99"
done
