#!/usr/bin/env bash
# `newsgraph evaluate` against the Python scorer of the gold format
# (../shared/eval/score.py, beside the project when it is there): on the seed
# articles, on dev-wikinews, on the project's own corpus and on the tricky
# graphs of tests/data/evaluation, both must give the same counts and the
# same P/R/F1 to the third decimal, for every metric and every article;
# for the built corpora also when newsgraph reads the store instead of
# graph.ttl. Skips (exit 77) when the scorer or rdflib is missing.
#   evaluate_agreement.sh NEWSGRAPH_BINARY PROJECT_DIR
set -euo pipefail
bin=$1
project=$2
shared="$project/../shared"
python=/usr/bin/python3
scorer="$shared/eval/score.py"
if [ ! -f "$scorer" ]; then
  echo "SKIP: no scorer at $scorer (../shared is not beside the project)"
  exit 77
fi
if ! $python -c 'import rdflib' 2>/dev/null; then
  echo "SKIP: $python has no rdflib (apt-get install python3-rdflib)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# agree NAME SCORER_REPORT NEWSGRAPH_REPORT: same counts, same rates to 3 decimals.
agree() {
  $python - "$@" <<'PY'
import json, sys
name, theirs_path, ours_path = sys.argv[1:4]
theirs, ours = json.load(open(theirs_path)), json.load(open(ours_path))
problems = []
def compare(where, a, b):
    for key in ("gold", "pred", "tp"):
        if a[key] != b[key]:
            problems.append(f"{where} {key}: scorer {a[key]}, newsgraph {b[key]}")
    for key in ("precision", "recall", "f1"):
        x, y = a[key], b[key]
        if (x is None) != (y is None) or (x is not None and f"{x:.3f}" != f"{y:.3f}"):
            problems.append(f"{where} {key}: scorer {x}, newsgraph {y}")
for key in ("gold_files", "missing_articles"):
    if theirs[key] != ours[key]:
        problems.append(f"{key}: scorer {theirs[key]}, newsgraph {ours[key]}")
for metric, figures in theirs["metrics"].items():
    compare(metric, figures, ours["metrics"][metric])
if set(theirs["per_article"]) != set(ours["per_article"]):
    problems.append("per_article: different articles")
else:
    for doc, entry in theirs["per_article"].items():
        if entry["found"] != ours["per_article"][doc]["found"]:
            problems.append(f"{doc} found: scorer {entry['found']}")
        for metric in theirs["metrics"]:
            compare(f"{doc} {metric}", entry[metric], ours["per_article"][doc][metric])
f1 = ours["metrics"]["entities"]["f1"]
same = open(theirs_path).read() == open(ours_path).read()
print(f"{name:22} {len(theirs['per_article']):3} articles  entities F1 {f1}  "
      + ("agree" + (" (identical reports)" if same else "") if not problems else f"{len(problems)} DIFFERENCES"))
for p in problems[:20]:
    print("   ", p)
sys.exit(1 if problems else 0)
PY
}

status=0
# compare NAME GOLD_DIR [--store PATH] GRAPH_FILE...
compare() {
  local name=$1 gold=$2
  shift 2
  local store=""
  if [ "$1" = "--store" ]; then store=$2; shift 2; fi
  local graph_args=()
  for file in "$@"; do graph_args+=(--graph "$file"); done
  $python "$scorer" --gold "$gold" "${graph_args[@]}" --json "$work/$name.scorer.json" > /dev/null 2>&1
  "$bin" -q evaluate --gold "$gold" --graph "$@" --json > "$work/$name.newsgraph.json" 2> /dev/null
  agree "$name" "$work/$name.scorer.json" "$work/$name.newsgraph.json" || status=1
  if [ -n "$store" ]; then
    "$bin" -q evaluate --gold "$gold" --store "$store" --json > "$work/$name.store.json" 2> /dev/null
    agree "$name (store)" "$work/$name.scorer.json" "$work/$name.store.json" || status=1
  fi
}

# built NAME INPUT GOLD: build INPUT, then compare on graph.ttl and the store.
built() {
  local name=$1 input=$2 gold=$3
  "$bin" -q build "$input" --out "$work/$name" --store "$work/$name-store" > /dev/null
  compare "$name" "$gold" --store "$work/$name-store" "$work/$name/graph.ttl"
}

if [ -d "$shared/seeds" ] && [ -d "$shared/eval/dev" ]; then
  built seeds "$shared/seeds" "$shared/eval/dev"
else
  echo "seeds: ../shared/seeds not present, skipped"
fi
if [ -d "$shared/eval/dev-wikinews/texts" ]; then
  built dev-wikinews "$shared/eval/dev-wikinews/texts" "$shared/eval/dev-wikinews/gold"
  # The same graph in every syntax newsgraph exports, N-Quads and RDF/XML included.
  for format in nquads:nq trig:trig ntriples:nt rdfxml:rdf; do
    "$bin" -q export --store "$work/dev-wikinews-store" --format "${format%%:*}" -o "$work/dw.${format##*:}"
    compare "dev-wikinews .${format##*:}" "$shared/eval/dev-wikinews/gold" "$work/dw.${format##*:}"
  done
else
  echo "dev-wikinews: not present, skipped"
fi
built corpus "$project/examples/articles" "$project/tests/data/corpus/gold"
tricky="$project/tests/data/evaluation/tricky"
compare tricky "$tricky/gold" "$tricky/graph/a.ttl" "$tricky/graph/b.nt" "$tricky/graph/c.rdf" "$tricky/graph/d.trig"
compare "tricky without b.nt" "$tricky/gold" "$tricky/graph/a.ttl" "$tricky/graph/c.rdf" "$tricky/graph/d.trig"
exit $status
