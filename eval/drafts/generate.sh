#!/usr/bin/env bash
# Writes the consolidation evaluation sets from the codes held in two editions (2024 bulk record, 2026 Adilet text):
#   dev/      Labour, Criminal and Administrative offences codes: the formulas were tuned on these;
#   heldout/  the other codes in two editions: never tuned on, the independent check.
# Each set in Russian formulas (generated) and in Kazakh formulas over the same Russian text (generated-kk).
# Then: dotnet .build/indexer/indexer.dll draft eval eval/drafts --corpus ../shared/corpus/adilet/ru ../shared/corpus/bulk/ru-acts-2024-00.jsonl.gz --edition-lang ru
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${RAGLEGAL_SHARED:-../shared}/corpus
dotnet build src/Assistant.Indexer -c Release -o .build/indexer -v quiet -nologo
rm -rf eval/drafts/dev/generated eval/drafts/dev/generated-kk eval/drafts/heldout

generate() { # set, act, 2024 record
  for formulas in ru kk; do
    local folder="eval/drafts/$1/generated$([ "$formulas" = kk ] && echo -kk || true)"
    dotnet .build/indexer/indexer.dll draft generate --act "$2" --from "$3" --formulas "$formulas" --articles-per-draft 40 \
      --corpus "$corpus/adilet/ru/$2.ru.txt" "$corpus/bulk/ru-acts-2024-00.jsonl.gz" --out "$folder/$2.txt"
  done
}

for pair in K1500000414:ru2024-261 K1400000226:ru2024-264 K1400000235:ru2024-012; do
  generate dev "${pair%%:*}" "${pair##*:}"
done
for pair in K1500000375:ru2024-259 K2300000224:ru2024-260 K1100000518:ru2024-010 K940001000_:ru2024-003 K990000409_:ru2024-004 \
            K1500000377:ru2024-005 K1400000231:ru2024-263 K2000000360:ru2024-011 K030000442_:ru2024-009 K2000000350:ru2024-000; do
  generate heldout "${pair%%:*}" "${pair##*:}"
done
