#!/usr/bin/env bash
# Accuracy floors: builds the seed articles (../shared/seeds, when present) and
# the project's own corpus (examples/articles, gold in tests/data/corpus/gold),
# scores each with the shared scorer, and fails when an F1 drops below its
# floor. Floors sit a little under the figures of the commit that set them;
# raise them when accuracy improves.
#   accuracy_floors.sh NEWSGRAPH_BINARY PROJECT_DIR
set -euo pipefail
bin=$1
project=$2
shared="$project/../shared"
python=/usr/bin/python3
if ! $python -c 'import rdflib' 2>/dev/null; then
  echo "SKIP: $python has no rdflib (apt-get install python3-rdflib)"
  exit 77
fi
scorer="$shared/eval/score.py"
if [ ! -f "$scorer" ]; then
  echo "SKIP: no scorer at $scorer"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# check NAME REPORT_JSON metric=floor ...
check() {
  local name=$1 report=$2
  shift 2
  $python - "$name" "$report" "$@" <<'PY'
import json, sys
name, report, floors = sys.argv[1], sys.argv[2], sys.argv[3:]
metrics = json.load(open(report))["metrics"]
failed = False
for item in floors:
    metric, floor = item.split("=")
    f1 = metrics[metric]["f1"] or 0.0
    ok = f1 >= float(floor)
    failed |= not ok
    print(f"{name:8} {metric:24} F1 {f1:.3f}  floor {float(floor):.3f}  {'ok' if ok else 'BELOW FLOOR'}")
sys.exit(1 if failed else 0)
PY
}

status=0
score() {
  local name=$1 input=$2 gold=$3
  shift 3
  "$bin" -q build "$input" --out "$work/$name" --store "$work/$name-store" > /dev/null
  $python "$scorer" --gold "$gold" --graph "$work/$name/graph.ttl" --json "$work/$name.json" > "$work/$name.txt"
  cat "$work/$name.txt"
  check "$name" "$work/$name.json" "$@" || status=1
}

if [ -d "$shared/seeds" ] && [ -d "$shared/eval/dev" ]; then
  score seeds "$shared/seeds" "$shared/eval/dev" \
    entities=0.93 entities.Person=0.95 entities.Organization=0.90 entities.Place=0.95 \
    statements=0.90 who_said_what=0.90 about=0.88
else
  echo "seeds: ../shared/seeds not present, skipped"
fi
score corpus "$project/examples/articles" "$project/tests/data/corpus/gold" \
  entities=0.95 statements=0.94 who_said_what=0.94 about=0.90
exit $status
