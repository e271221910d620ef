#!/usr/bin/env python3
"""Split eval/retrieval/all.jsonl into train.jsonl (~40%) and heldout.jsonl (~60%).

Deterministic: each question goes to train when int(sha1(key), 16) % 5 < 2, where
key is the question's "group" when it has one, else its "id". Questions that share
a gold article carry the same group, so paraphrase twins (RU/KK pairs, reworded
questions about the same article) always land in the same part. Hashing each key
independently keeps every (lang, kind) stratum near 40/60; each part is written
sorted by (lang, kind, id), and the per-stratum counts are printed.

Usage: python3 eval/retrieval/split.py
"""
import collections
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("colloquial", "professional", "numbers")


def in_train(key):
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 5 < 2


def main():
    src = os.path.join(HERE, "all.jsonl")
    with open(src, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    parts = {"train": [], "heldout": []}
    for q in rows:
        key = q.get("group") or q["id"]
        parts["train" if in_train(key) else "heldout"].append(q)
    order = lambda q: (q["lang"] != "ru", KINDS.index(q["kind"]), q["id"])
    for name, qs in parts.items():
        qs.sort(key=order)
        with open(os.path.join(HERE, name + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for q in qs:
                f.write(json.dumps(q, ensure_ascii=False) + "\n")
    # report
    tr_groups = {q.get("group") for q in parts["train"] if q.get("group")}
    ho_groups = {q.get("group") for q in parts["heldout"] if q.get("group")}
    if tr_groups & ho_groups:
        print("error: groups split across parts:", sorted(tr_groups & ho_groups))
        return 1
    total = len(rows)
    print("total %d: train %d (%.0f%%), heldout %d (%.0f%%)" % (
        total, len(parts["train"]), 100.0 * len(parts["train"]) / total,
        len(parts["heldout"]), 100.0 * len(parts["heldout"]) / total))
    print("%-4s %-13s %6s %8s" % ("lang", "kind", "train", "heldout"))
    for lang in ("ru", "kk"):
        for kind in KINDS:
            t = sum(1 for q in parts["train"] if (q["lang"], q["kind"]) == (lang, kind))
            h = sum(1 for q in parts["heldout"] if (q["lang"], q["kind"]) == (lang, kind))
            print("%-4s %-13s %6d %8d" % (lang, kind, t, h))
    acts = lambda qs: len({g["act"] for q in qs for g in q["gold"]})
    print("acts: train %d, heldout %d" % (acts(parts["train"]), acts(parts["heldout"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
