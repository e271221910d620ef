#!/usr/bin/env python3
"""Check eval/retrieval/all.jsonl against the act texts.

For every line: parse the JSON and check the fields; find the act file and the
heading "Статья <N>." of each gold article; cut the article's text up to the
next "Статья " heading; check that the evidence quote occurs in the first gold
article (after collapsing whitespace; "evidence_more", when present, holds one
quote per further gold article) and that no gold article is marked excluded.
Prints counts by lang x kind, by act, and every failure. Exit status 1 on any
failure.

Usage: python3 eval/retrieval/verify.py [all.jsonl] [--corpus DIR]
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.environ.get("RAGLEGAL_CORPUS", "/work/shared/corpus/adilet/ru")
KINDS = {"colloquial", "professional", "numbers"}
LANGS = {"ru", "kk"}
NOT_GOLD = {"K950001000_", "Z980000213_", "P2400000592", "U2500000881"}
HEADING = re.compile(r"^\s*Статья\s+(\d+(?:-\d+)*)\.(?:\s|$)")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FOOTNOTE = re.compile(r"^(Сноска|№|\(вводится|\(|вводится|в действие|Глава|ГЛАВА|Раздел|РАЗДЕЛ|Параграф|§)")


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


_cache = {}


def articles(corpus, act):
    """act -> {number: text of the article (heading line included)}"""
    if act in _cache:
        return _cache[act]
    path = os.path.join(corpus, act + ".ru.txt")
    if not os.path.exists(path):
        _cache[act] = None
        return None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    heads = [(i, m.group(1)) for i, l in enumerate(lines) for m in [HEADING.match(l)] if m]
    arts = {}
    for k, (i, num) in enumerate(heads):
        j = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        text = "\n".join(lines[i:j])
        # keep the longest occurrence if a number repeats (e.g. a table of contents)
        if num not in arts or len(text) > len(arts[num]):
            arts[num] = text
    _cache[act] = arts
    return arts


def excluded(num, text):
    body = text.split("\n", 1)[1] if "\n" in text else ""
    head = text.split("\n", 1)[0]
    if re.search(r"(исключена|утратила силу)\s*\.?\s*$", head, re.I):
        return True
    pat = r"Статья\s+(?:%s\s+)?(?:исключена|утратила\s+силу)" % re.escape(num)
    if re.search(pat, body, re.I):
        return True
    first = next((l.strip() for l in body.split("\n") if l.strip()), "")
    if re.match(r"(Исключена|Утратила силу)\b", first):
        return True
    # an article whose body is only a footnote that says it was excluded
    # ("Сноска. Глава 10 дополнена статьей 73-2 ...; исключена Законом РК ...")
    content = [l.strip() for l in body.split("\n") if l.strip() and not FOOTNOTE.match(l.strip())]
    return not content and re.search(r"исключен|утратил", body, re.I) is not None


def main(argv):
    corpus = DEFAULT_CORPUS
    args = list(argv)
    if "--corpus" in args:
        k = args.index("--corpus")
        corpus = args[k + 1]
        del args[k:k + 2]
    path = args[0] if args else os.path.join(HERE, "all.jsonl")
    failures = []
    rows = []
    ids = set()
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        failures.append("file starts with a BOM")
    for ln, line in enumerate(raw.decode("utf-8").split("\n"), 1):
        if not line.strip():
            continue
        where = "line %d" % ln
        try:
            q = json.loads(line)
        except ValueError as e:
            failures.append("%s: bad JSON: %s" % (where, e))
            continue
        qid = q.get("id")
        where = "line %d (%s)" % (ln, qid)
        bad = []
        if not isinstance(qid, str) or not ID_RE.match(qid):
            bad.append("id must be lowercase ascii [a-z0-9-]")
        elif qid in ids:
            bad.append("duplicate id")
        ids.add(qid)
        if not isinstance(q.get("question"), str) or len(q["question"].strip()) < 8:
            bad.append("question missing or too short")
        if q.get("lang") not in LANGS:
            bad.append("lang must be ru or kk")
        if q.get("kind") not in KINDS:
            bad.append("kind must be one of %s" % sorted(KINDS))
        gold = q.get("gold")
        if not isinstance(gold, list) or not gold or not all(
                isinstance(g, dict) and isinstance(g.get("act"), str) and isinstance(g.get("article"), str)
                for g in gold):
            bad.append("gold must be a non-empty list of {act, article}")
            gold = []
        ev = q.get("evidence")
        if not isinstance(ev, str):
            bad.append("evidence missing")
            ev = ""
        nwords = len(ws(ev).split())
        if not 8 <= nwords <= 25:
            bad.append("evidence has %d words (8-25 expected)" % nwords)
        more = q.get("evidence_more", [])
        if "group" in q and (not isinstance(q["group"], str) or not ID_RE.match(q["group"])):
            bad.append("group must be lowercase ascii")
        quotes = [ev] + (more if isinstance(more, list) else [])
        for k, g in enumerate(gold):
            act, num = g["act"], g["article"]
            if act in NOT_GOLD:
                bad.append("%s may not be gold" % act)
                continue
            arts = articles(corpus, act)
            if arts is None:
                bad.append("no act file for %s" % act)
                continue
            text = arts.get(num)
            if text is None:
                bad.append("no heading 'Статья %s.' in %s" % (num, act))
                continue
            if excluded(num, text):
                bad.append("%s art. %s is excluded/repealed" % (act, num))
            if k < len(quotes) and quotes[k]:
                quote = ws(quotes[k])
                flat = ws(text)
                pos = flat.find(quote)
                if pos < 0:
                    bad.append("evidence not found in %s art. %s: %r" % (act, num, quote[:80]))
                elif not any(
                        (p == 0 or not flat[p - 1].isalnum()) and
                        (p + len(quote) == len(flat) or not flat[p + len(quote)].isalnum())
                        for p in [m.start() for m in re.finditer(re.escape(quote), flat)]):
                    bad.append("evidence cuts a word in %s art. %s: %r" % (act, num, quote[:80]))
                elif ws(text.split("\n", 1)[0]).find(quote) >= 0 and quote not in ws(text.split("\n", 1)[1] if "\n" in text else ""):
                    bad.append("evidence is from the heading, not the body")
        for b in bad:
            failures.append("%s: %s" % (where, b))
        rows.append(q)

    by_lk = collections.Counter((q.get("lang"), q.get("kind")) for q in rows)
    by_act = collections.Counter(g["act"] for q in rows for g in (q.get("gold") or [])[:1] if isinstance(g, dict))
    print("questions: %d" % len(rows))
    print("\nby lang x kind:")
    for lang in sorted(LANGS, reverse=True):
        cells = ["%s=%d" % (k, by_lk[(lang, k)]) for k in ("colloquial", "professional", "numbers")]
        print("  %-3s %s  total=%d" % (lang, "  ".join(cells), sum(by_lk[(lang, k)] for k in KINDS)))
    print("\nby act (first gold):")
    for act, n in sorted(by_act.items(), key=lambda x: (-x[1], x[0])):
        print("  %-12s %4d  %4.1f%%" % (act, n, 100.0 * n / max(1, len(rows))))
    print("\ndistinct acts: %d" % len(by_act))
    if len(by_act) < 20:
        failures.append("fewer than 20 distinct acts (%d)" % len(by_act))
    print("\nfailures: %d" % len(failures))
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
