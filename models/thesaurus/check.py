#!/usr/bin/env python3
"""Checks models/thesaurus/legal-terms.tsv against its format and against the corpus of acts.

Usage: python3 models/thesaurus/check.py [--corpus DIR] [--file TSV] [--no-bulk] [--quiet]

Format: the exact header, 6 tab-separated columns, known kinds and languages, `from` in lower case and at most
4 words, `to` at most 6 words (function words not counted in either), no `from` equal to its `to`, no duplicate
(from_lang, from, to_lang, to) (a `translation` applies both ways, so its reverse counts as a duplicate), no
`from` that is one very common word.

Corpus: every Russian `to` (of any kind) must occur in at least one act of <corpus>/adilet/ru: its content words,
each compared crudely (a word of 7 letters or more by its first 5; a word of 5 or 6 by its first 4; a shorter
one whole or without its final vowel, then as a prefix of a word at most 3 letters longer), all within a window of 40 words of the same act. A `source` that names an act and an article is checked too:
`<act> ст. N heading` - the `to` words are all in that article's heading; `<act> ст. N` - they are in that
article's text; `K950001000_ kk/ru ст. N` - the Russian term is in that article of the 1995 Constitution and the
Kazakh term in the same article of its Kazakh text; `bulk kk <id>` - the Kazakh term is in that act of
<corpus>/bulk/kk-acts-*.jsonl.gz (skipped with --no-bulk).

Prints counts by kind, by language pair and by source act, then every line that fails; exits 1 if any fails.
"""
import argparse
import bisect
import glob
import gzip
import json
import os
import re
import sys
from collections import Counter, defaultdict

HEADER = ["from_lang", "from", "to_lang", "to", "kind", "source"]
KINDS = {"everyday", "translation", "abbreviation"}
LANGS = {"ru", "kk"}
WINDOW = 40

# The analyzer's function words (src/Assistant.Core/Text/StopWords.cs): dropped from queries, so not matched here.
RU_STOP = set("""а без бы был была были было быть в вам вас во вот все всех вы где да для до его ее ей если есть еще
же за и из или им их к как какая какие каким каков какова какое какой какую будет будут ко когда кто ли либо между
меня мне мы на над не него нее нет ни них но о об однако он она они оно от по под при про с со так также такое там
то того тоже только том у уже чем что чтобы эта эти это этого этом этот я""".split())
KK_STOP = set("""ал бен бірақ бұл да де және ма ме мен не немесе ол олар оның осы пен сол та те туралы үшін ғана
қандай қалай ба бе па пе ия жоқ емес""".split())

# One word alone that would fire on too many unrelated questions.
TOO_COMMON = set("""закон законы право права лицо лица деньги деньгах человек люди работа работе суд дело документ
документы государство орган органы срок сроки порядок договор статья кодекс вопрос могу можно нужно надо
заң құқық адам ақша жұмыс сот іс құжат мемлекет мерзім шарт бап""".split())

WORD_RE = re.compile(r"[0-9a-zа-яёәғқңөұүһі]+", re.IGNORECASE)
HEADING_RE = re.compile(r"^[ \t]*Статья[ \t]+(\d+(?:-\d+)?)\.?[ \t]*(.*)$", re.MULTILINE)
KK_ARTICLE_RE = re.compile(r"^[ \t]*(\d+(?:-\d+)?)-бап\b.*$", re.MULTILINE)
ACT_ID_RE = re.compile(r"^[A-Z]\d{6,}_?$")
SOURCE_ARTICLE_RE = re.compile(r"ст\.\s*(\d+(?:-\d+)?)")


def fold(text):
    """Lower case, «ё» as «е», Latin i/ə between Cyrillic letters as Kazakh і/ә (the Kazakh texts mix them)."""
    text = text.lower().replace("ё", "е")
    return re.sub(r"(?<=[\u0400-\u04ff])[iə]|[iə](?=[\u0400-\u04ff])",
                  lambda m: "і" if m.group(0) == "i" else "ә", text)


def words(text):
    return WORD_RE.findall(fold(text))


def content_words(text, lang):
    stop = KK_STOP if lang == "kk" else RU_STOP
    return [w for w in words(text) if w not in stop]


VOWELS = set("аеёиоуыэюяьйәөұүі")


def crude_base(word, k):
    """The letters two forms of a word must share: the first k of a long word (k + 2 letters or more); k - 1 of a
    word of k or k + 1 letters («тайна» ~ «тайны», «единый» ~ «едином»); a shorter word whole, or without its final
    vowel («лицо» ~ «лица»)."""
    if len(word) >= k + 2:
        return word[:k]
    if len(word) >= k:
        return word[:k - 1]
    if len(word) >= 3 and word[-1] in VOWELS:
        return word[:-1]
    return word


def crude_match(word, token, k, extra=3):
    """A crude stem comparison: the token starts with the word's base (crude_base); a token matching a word of
    fewer than k + 2 letters may be at most `extra` letters longer than the word (Kazakh stacks suffixes: 6)."""
    if len(word) >= k + 2:
        return token[:k] == word[:k]
    return token.startswith(crude_base(word, k)) and len(token) <= len(word) + extra


class Text:
    """The words of a text, indexed by their first letters, with the article each word belongs to."""

    def __init__(self, text, key_length, heading_re=HEADING_RE, extra=3):
        self.key_length = key_length
        self.extra = extra
        self.tokens = []
        self.article_starts = []  # (token index, article number)
        self.headings = {}  # article number -> heading words
        self.article_spans = {}  # article number -> (start, end) token index
        pos = 0
        for m in heading_re.finditer(text):
            self._add(text[pos:m.start()])
            number = m.group(1)
            heading = m.group(2) if m.lastindex and m.lastindex >= 2 else ""
            # A heading broken over two lines (PDF layout) goes on in lower case on the next line.
            rest = text[m.end():m.end() + 400].split("\n")
            if heading and not re.search(r"[.;:]\s*$", heading) and len(rest) > 1 and re.match(r"^\s*[а-яё(«\"]", rest[1]):
                heading = heading + " " + rest[1]
            if number not in self.headings:
                self.headings[number] = words(heading)
                self.article_starts.append((len(self.tokens), number))
            self._add(m.group(0))
            pos = m.end()
        self._add(text[pos:])
        for i, (start, number) in enumerate(self.article_starts):
            end = self.article_starts[i + 1][0] if i + 1 < len(self.article_starts) else len(self.tokens)
            self.article_spans.setdefault(number, (start, end))
        self.index = defaultdict(list)
        self.by_token = defaultdict(list)
        for i, t in enumerate(self.tokens):
            self.index[t[:key_length]].append(i)
            self.by_token[t].append(i)
        self.sorted_tokens = sorted(self.by_token)
        self.cache = {}

    def _add(self, chunk):
        self.tokens.extend(words(chunk))

    def positions(self, word):
        """Positions of the tokens that match the word crudely (see crude_match)."""
        k = self.key_length
        if len(word) >= k + 2:
            return self.index.get(word[:k], [])
        if word not in self.cache:
            base = crude_base(word, k)
            found = []
            i = bisect.bisect_left(self.sorted_tokens, base)
            while i < len(self.sorted_tokens) and self.sorted_tokens[i].startswith(base):
                token = self.sorted_tokens[i]
                if crude_match(word, token, k, self.extra):
                    found.extend(self.by_token[token])
                i += 1
            found.sort()
            self.cache[word] = found
        return self.cache[word]

    def find(self, phrase_words, span=None, window=WINDOW):
        """A token position where all words occur within the window (inside span when given), or None."""
        if not phrase_words:
            return None
        lists = []
        for w in phrase_words:
            pos = self.positions(w)
            if span:
                lo, hi = bisect.bisect_left(pos, span[0]), bisect.bisect_left(pos, span[1])
                pos = pos[lo:hi]
            if not pos:
                return None
            lists.append(pos)
        anchor = min(range(len(lists)), key=lambda i: len(lists[i]))
        for p in lists[anchor]:
            ok = True
            for i, pos in enumerate(lists):
                if i == anchor:
                    continue
                j = bisect.bisect_left(pos, p - window)
                if j >= len(pos) or pos[j] > p + window:
                    ok = False
                    break
            if ok:
                return p
        return None

    def in_heading(self, number, phrase_words):
        heading = self.headings.get(number)
        if heading is None:
            return False
        return all(any(crude_match(w, t, self.key_length, self.extra) for t in heading) for w in phrase_words)


def load_ru_acts(corpus):
    acts = {}
    for path in sorted(glob.glob(os.path.join(corpus, "adilet", "ru", "*.ru.txt"))):
        act_id = os.path.basename(path)[:-len(".ru.txt")]
        with open(path, encoding="utf-8") as f:
            acts[act_id] = Text(f.read(), 5)
    return acts


def load_kk_constitution(corpus):
    path = os.path.join(corpus, "adilet", "kk", "K950001000_.kk.txt")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return Text(f.read(), 4, KK_ARTICLE_RE, extra=6)


def load_bulk(corpus, wanted):
    texts = {}
    if not wanted:
        return texts
    for path in sorted(glob.glob(os.path.join(corpus, "bulk", "kk-acts-*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not any(f'"{w}"' in line[:60] for w in wanted):
                    continue
                doc = json.loads(line)
                if doc["id"] in wanted:
                    texts[doc["id"]] = Text(doc["title"] + "\n" + doc["text"], 4, extra=6)
    return texts


def source_act(source):
    first = source.split()[0] if source.split() else ""
    if ACT_ID_RE.match(first):
        return first
    if source.startswith("bulk kk"):
        return "bulk kk"
    return source.split()[0] if source else ""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("RAGLEGAL_CORPUS", os.path.join(root, "..", "shared", "corpus")))
    parser.add_argument("--file", default=os.path.join(here, "legal-terms.tsv"))
    parser.add_argument("--no-bulk", action="store_true", help="do not read bulk Kazakh acts to check `bulk kk` sources")
    parser.add_argument("--quiet", action="store_true", help="print only counts and failures")
    args = parser.parse_args()

    failures = []

    def fail(lineno, line, why):
        failures.append((lineno, why, line))

    acts = load_ru_acts(args.corpus)
    if not acts:
        print(f"no Russian acts under {args.corpus}/adilet/ru", file=sys.stderr)
        return 2
    kk_const = load_kk_constitution(args.corpus)

    with open(args.file, encoding="utf-8") as f:
        raw = f.read().split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    if not raw or raw[0].split("\t") != HEADER:
        fail(1, raw[0] if raw else "", "header must be: " + "\\t".join(HEADER))

    rows = []
    for lineno, line in enumerate(raw[1:], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6:
            fail(lineno, line, f"{len(cols)} columns, not 6")
            continue
        if any(c != c.strip() or not c for c in cols):
            fail(lineno, line, "empty column or spaces around a value")
            continue
        rows.append((lineno, line, cols))

    bulk_wanted = set()
    for _, _, cols in rows:
        m = re.match(r"bulk kk (kk-\d+)", cols[5])
        if m:
            bulk_wanted.add(m.group(1))
    bulk = {} if args.no_bulk else load_bulk(args.corpus, bulk_wanted)

    seen = {}
    by_kind = Counter()
    by_pair = Counter()
    by_source = defaultdict(Counter)
    for lineno, line, (from_lang, frm, to_lang, to, kind, source) in rows:
        bad = []
        if kind not in KINDS:
            bad.append(f"unknown kind {kind!r}")
        if from_lang not in LANGS or to_lang not in LANGS:
            bad.append(f"unknown language {from_lang!r} or {to_lang!r}")
        if kind == "everyday" and from_lang != to_lang:
            bad.append("an everyday relation stays in one language")
        if kind == "translation" and (from_lang, to_lang) != ("kk", "ru"):
            bad.append("a translation is written once, kk -> ru")
        if frm != frm.lower():
            bad.append("`from` must be lower case")
        if fold(frm) == fold(to):
            bad.append("`from` equals `to`")
        if len(content_words(frm, from_lang)) > 4:
            bad.append("`from` longer than 4 words")
        if len(content_words(to, to_lang)) > 6:
            bad.append("`to` longer than 6 words")
        if not content_words(frm, from_lang):
            bad.append("`from` has only function words")
        if len(frm.split()) == 1 and fold(frm) in TOO_COMMON:
            bad.append("`from` is one very common word")
        key = (from_lang, fold(frm), to_lang, fold(to))
        if key in seen:
            bad.append(f"duplicate of line {seen[key]}")
        seen.setdefault(key, lineno)
        if kind == "translation":
            seen.setdefault((to_lang, fold(to), from_lang, fold(frm)), lineno)

        if to_lang == "ru":
            to_words = content_words(to, "ru")
            if not any(act.find(to_words) is not None for act in acts.values()):
                bad.append("`to` not found in any Russian act")
        ru_side = to if to_lang == "ru" else (frm if from_lang == "ru" else None)
        kk_side = to if to_lang == "kk" else (frm if from_lang == "kk" else None)

        act_id = source_act(source)
        art = SOURCE_ARTICLE_RE.search(source)
        if ACT_ID_RE.match(act_id):
            if act_id not in acts:
                bad.append(f"source act {act_id} is not in the corpus")
            elif art:
                text = acts[act_id]
                number = art.group(1)
                if number not in text.article_spans:
                    bad.append(f"{act_id} has no article {number}")
                elif ru_side is not None:
                    rw = content_words(ru_side, "ru")
                    if "heading" in source:
                        if not text.in_heading(number, rw):
                            bad.append(f"the Russian term is not in the heading of {act_id} ст. {number}")
                    elif text.find(rw, text.article_spans[number]) is None:
                        bad.append(f"the Russian term is not in {act_id} ст. {number}")
                if "kk/ru" in source and kk_side is not None and kk_const is not None:
                    span = kk_const.article_spans.get(number)
                    if span is None or kk_const.find(content_words(kk_side, "kk"), span) is None:
                        bad.append(f"the Kazakh term is not in the Kazakh text of {act_id} ст. {number}")
        elif act_id == "bulk kk" and not args.no_bulk:
            m = re.match(r"bulk kk (kk-\d+)", source)
            if m and kk_side is not None:
                doc = bulk.get(m.group(1))
                if doc is None:
                    bad.append(f"bulk act {m.group(1)} not found")
                elif doc.find(content_words(kk_side, "kk")) is None:
                    bad.append(f"the Kazakh term is not in bulk act {m.group(1)}")
        elif act_id != "editor":
            bad.append("source must name an act id, `bulk kk <id> ...` or `editor`")

        for why in bad:
            fail(lineno, line, why)
        by_kind[kind] += 1
        by_pair[f"{from_lang}->{to_lang}"] += 1
        by_source[kind][act_id] += 1

    total = sum(by_kind.values())
    print(f"{total} relations: " + ", ".join(f"{k} {by_kind[k]}" for k in sorted(by_kind)))
    print("language pairs: " + ", ".join(f"{k} {v}" for k, v in sorted(by_pair.items())))
    for kind in sorted(by_source):
        named = {a: n for a, n in by_source[kind].items() if ACT_ID_RE.match(a)}
        print(f"{kind} by source ({len(named)} acts): " +
              ", ".join(f"{a} {n}" for a, n in sorted(by_source[kind].items(), key=lambda x: (-x[1], x[0]))))
    if failures:
        print(f"\n{len(failures)} failures:")
        for lineno, why, line in sorted(failures, key=lambda f: f[0]):
            print(f"  line {lineno}: {why}\n    {line}")
        return 1
    print("\nno failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
