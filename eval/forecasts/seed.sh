#!/usr/bin/env bash
# Writes the seeded-fault set of forecasts: each clean base draft (its instructions apply to the 2024 edition
# without a finding), and copies of it with one known fault each. tune/ holds Labour-code bases (the rules were
# tuned on them), heldout/ Criminal and Administrative-offences bases (never tuned on).
# Then: dotnet .build/indexer/indexer.dll draft eval-forecast eval/forecasts --db <catalog of the full corpus>
set -euo pipefail
cd "$(dirname "$0")"
drafts=../drafts/dev
rm -rf tune heldout

# base set name edition twin(or -) repealed-instruction inserted-article:point
seed() {
  local set=$1 name=$2 source=$3 edition=$4 twin=$5 repealed=$6 article=$7 point=$8
  mkdir -p "$set"
  local base="$set/$name"
  local twinLine=""
  if [ "$twin" != "-" ]; then cp "$twin" "$base.kk"; twinLine="twin: $name.kk"; fi
  write() { # suffix fault [twin line]
    printf 'edition: %s\nfault: %s\n%s\n' "$edition" "$2" "${3:-}" > "$base.$1.expect"
  }
  cp "$source" "$base.clean.txt"; write clean none "$twinLine"
  sed '0,/слова «[^»]*»/s//слова «этих слов в норме нет»/' "$source" > "$base.words-absent.txt"; write words-absent words-absent
  sed -E '0,/^[0-9]+\) в статье [0-9-]+:/s//1) в статье 9999:/' "$source" > "$base.nonexistent-target.txt"; write nonexistent-target nonexistent-target
  sed -E 's/^(Статья 2\.) .*вводится в действие.*$/\1 Действие настоящего Закона распространяется на отношения, возникшие после его принятия./' "$source" > "$base.entry-into-force.txt"
  write entry-into-force entry-into-force
  append() { # suffix lines...
    local suffix=$1; shift
    awk -v add="$(printf '%s\n' "$@")" '/^Статья 2\./ && !done { print add; print ""; done = 1 } { print }' "$source" > "$base.$suffix.txt"
  }
  append repealed-target "99) $repealed"; write repealed-target repealed-target
  append inserted-number "99) статью $article дополнить пунктом $point-2 следующего содержания:" "«$point-2. Положения настоящей статьи применяются с учетом особенностей, установленных законом.»;"
  write inserted-number inserted-number
  append act-not-in-force "99) пункт $point статьи $article дополнить словами «, а также статьей 5 Закона Республики Казахстан \"О нормативных правовых актах\"»;"
  write act-not-in-force act-not-in-force
  if [ "$twin" != "-" ]; then
    cp "$source" "$base.language-mismatch.txt"
    sed '0,/деген сөздер/{/деген сөздер/d}' "$twin" > "$base.language-mismatch.kk"
    write language-mismatch language-mismatch "twin: $name.language-mismatch.kk"
  fi
}

seed tune labour-inspection $drafts/handwritten/labour-inspection.txt ru2024-261 - "пункт 4 статьи 148 исключить;" 3 2
seed tune labour-reservists $drafts/handwritten/labour-reservists.txt ru2024-261 - "пункт 4 статьи 148 исключить;" 3 2
seed tune labour-01 $drafts/generated/K1500000414.01.txt ru2024-261 $drafts/generated-kk/K1500000414.01.txt "пункт 4 статьи 148 исключить;" 3 2
seed heldout criminal-01 $drafts/generated/K1400000226.01.txt ru2024-264 $drafts/generated-kk/K1400000226.01.txt "пункт 1 статьи 140 исключить;" 10 2
seed heldout coao-06 $drafts/generated/K1400000235.06.txt ru2024-012 $drafts/generated-kk/K1400000235.06.txt "пункт 2 статьи 119 исключить;" 3 2
seed heldout coao-09 $drafts/generated/K1400000235.09.txt ru2024-012 $drafts/generated-kk/K1400000235.09.txt "пункт 2 статьи 119 исключить;" 3 2
