#!/usr/bin/env bash
# The yardstick, per document: extract the corpus and the real papers of ../shared and score
# them with ../shared/eval/score.py. Prints the corpus overall F1, the per-paper overall F1 of
# every real paper (realdev + realpdf) with their mean, and the per-kind table over the real papers.
# Usage: bash scripts/score.sh [OUTDIR]   (keeps the exports and the full scorer output in OUTDIR)
set -u
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
exe=${BOARDPAPERS:-.venv/bin/boardpapers}
out=${1:-$(mktemp -d)}
rm -rf "$out"; mkdir -p "$out/corpus" "$out/real" "$out/gold"
"$exe" extract "$shared"/corpus/*.txt --out "$out/corpus" >/dev/null 2>"$out/corpus.err"
python3 "$shared/eval/score.py" --gold-dir "$shared/gold" --pred-dir "$out/corpus" > "$out/corpus.score" 2>&1
files=()
for pair in "realdev gold-realdev" "realpdf gold-realpdf"; do
  set -- $pair
  for g in "$shared/$2"/*.json; do
    f=$(ls "$shared/$1/$(basename "$g" .json)".* 2>/dev/null | head -n 1)
    [ -n "$f" ] && { files+=("$f"); cp "$g" "$out/gold/"; }
  done
done
"$exe" extract "${files[@]}" --out "$out/real" >/dev/null 2>"$out/real.err"
python3 "$shared/eval/score.py" --gold-dir "$out/gold" --pred-dir "$out/real" > "$out/real.score" 2>&1
echo "corpus: $(grep -E '^overall' "$out/corpus.score")"
grep 'overall F1' "$out/real.score" | grep -v '^overall' | sort -t' ' -k4 -n
python3 - "$out/real.score" <<'PY'
import re, sys
docs = [float(m.group(1)) for m in re.finditer(r"^\S+: overall F1 ([0-9.]+)", open(sys.argv[1]).read(), re.M)]
print(f"mean over {len(docs)} real papers (macro): {sum(docs) / max(len(docs), 1):.3f}")
PY
sed -n '/^kind/,$p' "$out/real.score"
echo "(exports and scorer output in $out)"
