#!/usr/bin/env python3
"""Scores hyphenation dictionaries against the breaks a Swedish reader
accepts (tests/typography/hyphenation-gold.txt).

usage: patterns.py GOLD LABEL=HYPHENATED_FILE... [-v]

Each HYPHENATED_FILE holds the same words, one a line, with a hyphen at
every break the dictionary allows (tests/latex/hyphenate_words). Only the
words in GOLD are scored; words on which the dictionaries disagree that GOLD
lacks are counted as not judged. Two more rows are made of the first two
files: breaks both allow, and breaks either allows. Prints a Markdown table."""

import sys


def points(written):
    """The breaks of a written word (offsets in letters) and which are joints."""
    pts, joints, i = set(), set(), 0
    for c in written:
        if c in "-=":
            pts.add(i)
            if c == "=":
                joints.add(i)
        else:
            i += 1
    return pts, joints


def read_gold(path):
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                gold[line.replace("-", "").replace("=", "").lower()] = points(line)
    return gold


def read_hyphenated(path):
    with open(path, encoding="utf-8") as f:
        return {l.strip().replace("-", "").lower(): points(l.strip())[0] for l in f if l.strip()}


def within(pts, n, left=2, right=3):
    return {p for p in pts if p >= left and n - p >= right}


def score(gold, breaks, verbose, label):
    t = dict(right=0, wrong=0, wrong_joint=0, joints=0, all_joints=0)
    for word, (ok, joints) in gold.items():
        if word not in breaks:
            continue
        n = len(word)
        ok, joints, got = within(ok, n), within(joints, n), within(breaks[word], n)
        bad = got - ok
        t["right"] += len(got & ok)
        t["wrong"] += len(bad)
        t["wrong_joint"] += len({p for p in bad if any(abs(p - j) <= 1 for j in joints)})
        t["joints"] += len(got & joints)
        t["all_joints"] += len(joints)
        if verbose and bad:
            print(f"  {label}: {word}: wrong after {', '.join(word[:p] for p in sorted(bad))}",
                  file=sys.stderr)
    return t


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    gold = read_gold(args[0])
    runs = [(a.split("=", 1)[0], read_hyphenated(a.split("=", 1)[1])) for a in args[1:]]
    (la, a), (lb, b) = runs[0], runs[1]
    runs.append((f"breaks both allow", {w: a[w] & b.get(w, set()) for w in a}))
    runs.append((f"breaks either allows", {w: a[w] | b.get(w, set()) for w in a}))
    differ = [w for w in a if len(w) >= 6 and within(a[w], len(w)) != within(b.get(w, set()), len(w))]
    unjudged = [w for w in differ if w not in gold]
    judged = len(differ) - len(unjudged)
    print(f"| {judged} words the dictionaries split differently | right breaks | wrong breaks | "
          "of them next to a joint | joints found |")
    print("| --- | --: | --: | --: | --: |")
    for label, breaks in runs:
        t = score(gold, breaks, verbose, label)
        print(f"| {label} | {t['right']} | {t['wrong']} | {t['wrong_joint']} | "
              f"{t['joints']} of {t['all_joints']} |")
    if unjudged:
        print(f"\nnot judged ({len(unjudged)}; add them to {args[0]}): {' '.join(sorted(unjudged))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
