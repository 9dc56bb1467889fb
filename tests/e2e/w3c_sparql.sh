#!/usr/bin/env bash
# The W3C SPARQL 1.0 and 1.1 query evaluation suites (../shared/w3c-sparql,
# when present) through their runner: fails on any wrong answer or crash, or
# when fewer tests pass than the floors (set at the commit that reached them:
# raise them when more pass, never lower them to let a change in).
#   w3c_sparql.sh NEWSGRAPH_BINARY PROJECT_DIR
set -euo pipefail
bin=$1
project=$2
runner="$project/../shared/w3c-sparql/runner/run.py"
python=/usr/bin/python3
if [ ! -f "$runner" ]; then
  echo "SKIP: no W3C suite at $runner"
  exit 77
fi
if ! $python -c 'import rdflib' 2>/dev/null; then
  echo "SKIP: $python has no rdflib (apt-get install python3-rdflib)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Passes (strict + value-equal) and strict passes per suite.
declare -A floor=([sparql11]=232 [sparql10]=283)
declare -A strict_floor=([sparql11]=222 [sparql10]=277)

$python "$runner" --newsgraph "$bin" --engines newsgraph --suite both --out "$work/out" --work "$work/work" \
  > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }

failed=0
for suite in sparql11 sparql10; do
  $python - "$work/out/$suite-newsgraph.json" "$suite" "${floor[$suite]}" "${strict_floor[$suite]}" <<'PY' || failed=1
import collections, json, sys
path, suite, floor, strict_floor = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
records = json.load(open(path))["records"]
counts = collections.Counter(r["outcome"] for r in records)
passed = counts["pass"] + counts["pass~"]
print(f"{suite}: {len(records)} tests, pass {counts['pass']} + {counts['pass~']} value-equal, wrong {counts['fail']}, "
      f"refused {counts['refused']}, error {counts['error']}, timeout {counts['timeout']}, crash {counts['crash']}; "
      f"floor {floor} ({strict_floor} strict)")
bad = [r for r in records if r["outcome"] in ("fail", "crash")]
for r in bad:
    print(f"  {r['outcome'].upper()}: {r['folder']}/{r['id'].split('#')[-1]}: {r.get('detail', '')[:200]}")
ok = not bad and passed >= floor and counts["pass"] >= strict_floor
print(f"{suite}: {'ok' if ok else 'FAILED'}")
sys.exit(0 if ok else 1)
PY
done
exit $failed
