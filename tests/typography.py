#!/usr/bin/env python3
"""Counts what a reader sees of the line breaking in PDFs, from the glyphs
that `mutool draw -F stext` (mupdf, not planpress) reads back.

usage: typography.py [--check] [--wrong-breaks FILE] [--tsv] [--breaks] PDF...

--breaks lists every hyphenated line end (p. N: head-/tail).

Per document:
  hyph      line ends in a hyphen that breaks a word (the next line of the
            paragraph goes on with a letter)
  run2/run3 runs of exactly two hyphenated lines in a row / of three or more
  tails     paragraphs whose last line is only the tail of a word broken on
            the line before
  short     words of five letters or fewer broken across lines
  wrong     breaks at a known wrong joint (--wrong-breaks: one `head-tail` a
            line, e.g. `samverkan-sarenor`: a line ending in ...samverkan-
            followed by sarenor...)
  p5, median, p95   word spaces of justified lines, as multiples of the
            natural space (the median space of lines that do not reach the
            right edge, in text of the same size): p5 tells how tight the
            tightest lines are, p95 how loose the loosest
  over2     justified lines with a space wider than twice the natural one
  margin    words that reach into the right margin further than a hanging
            hyphen or comma would (0.3 em)

With --check the hard rules fail the run (exit 1): no run of three
hyphenated lines, no paragraph ending in a tail, no short word broken, no
break at a known wrong joint. Only the standard library and mupdf-tools."""

import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter

HYPHENS = ("-", "\u00ad", "\u2010")
WORD_CHARS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


class Word:
    __slots__ = ("x0", "y0", "x1", "y1", "text")

    def __init__(self, x0, y0, x1, y1, text):
        self.x0, self.y0, self.x1, self.y1, self.text = x0, y0, x1, y1, text

    @property
    def height(self):
        return self.y1 - self.y0


SPACES = (" ", "\u00a0")


def line_words(line):
    """The words of a line of `mutool draw -F stext`: its characters split
    at spaces, each word the union of its characters' boxes."""
    words, chars = [], []

    def flush():
        if chars:
            words.append(Word(min(c[0] for c in chars), min(c[1] for c in chars),
                              max(c[2] for c in chars), max(c[3] for c in chars),
                              "".join(c[4] for c in chars)))
            chars.clear()

    for ch in line.iter("char"):
        c = ch.get("c", "")
        if c in SPACES:
            flush()
            continue
        q = [float(v) for v in ch.get("quad").split()]
        chars.append((min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2]), c))
    flush()
    return words


def read_pages(path):
    """Pages as lists of blocks (paragraphs) of lines of words, as mupdf
    draws the glyphs: a word broken across lines is read as its two parts
    with the hyphen, whatever the PDF's /ActualText says it reads as."""
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", path], check=True,
                         capture_output=True).stdout
    xml = re.sub(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", b" ", xml)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        blocks = []
        for block in page.iter("block"):
            lines = [w for w in (line_words(l) for l in block.iter("line")) if w]
            if lines:
                blocks.append(lines)
        pages.append((float(page.get("width")), blocks))
    return pages


def size_class(words):
    return round(statistics.median(w.height for w in words), 0)


def right_edge(blocks, width):
    """The right edge of the text: where most lines of three words or more
    end, when that is where the left margin puts it (margins the same on
    both sides); else where the left margin puts it."""
    lines = [l for b in blocks for l in b if len(l) >= 3]
    if not lines:
        return width
    starts = Counter(round(l[0].x0, 0) for l in lines)
    # the leftmost place where many lines start (tables and lists indent)
    left = min(x for x, n in starts.items() if n >= max(3, 0.05 * len(lines))
               or n == max(starts.values()))
    mirrored = width - left
    edge = Counter(round(l[-1].x1, 0) for l in lines).most_common(1)[0][0]
    return edge if abs(edge - mirrored) <= 2 else mirrored


def gaps(line):
    """Spaces between words of one baseline and size (footnote marks left out)."""
    out = []
    for a, b in zip(line, line[1:]):
        same = abs(a.y1 - b.y1) < 0.5 and abs(a.height - b.height) < 0.1 * a.height
        if same and b.x0 > a.x1:
            out.append(b.x0 - a.x1)
    return out


def is_leader(line):
    """A line of a table of contents: dots lead to the page number."""
    return sum(1 for w in line if w.text and set(w.text) <= {"."}) >= 3


def ends_hyphenated(line, next_line):
    """The line's last word is broken: it ends in a hyphen after a letter and
    the next line starts with a letter."""
    if next_line is None:
        return False
    last = line[-1].text
    first = next_line[0].text
    return (len(last) >= 2 and last.endswith(HYPHENS) and last[-2].isalpha()
            and first[:1].isalpha())


def letters(s):
    return "".join(c for c in s if c.isalpha())


def load_wrong_breaks(path):
    pairs = []
    if not path:
        return pairs
    with open(path, encoding="utf-8") as f:
        for raw in f:
            raw = raw.split("#", 1)[0].strip()
            if raw:
                head, tail = raw.split("-", 1)
                pairs.append((head.lower(), tail.lower()))
    return pairs


def percentile(values, p):
    if not values:
        return 0.0
    v = sorted(values)
    k = (len(v) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def count(path, wrong_breaks):
    pages = read_pages(path)
    r = dict(hyph=0, run2=0, run3=0, tails=0, short=0, wrong=0, over2=0, margin=0)
    problems, breaks = [], []
    natural = {}  # size class -> gaps of lines that do not reach the edge
    justified = []  # (size class, gaps) of lines that reach it
    # one edge for the pages of each width (portrait, landscape)
    edges = {}
    for width in {w for w, _ in pages}:
        edges[width] = right_edge([b for w, bs in pages if w == width for b in bs], width)
    for pno, (width, blocks) in enumerate(pages, 1):
        edge = edges[width]
        for block in blocks:
            run = 0
            for i, line in enumerate(block):
                if is_leader(line):
                    continue
                nxt = block[i + 1] if i + 1 < len(block) else None
                end = line[-1].x1
                em = size_class(line) / 1.117 if line else 10
                reaches = abs(end - edge) <= 1.0 or (end > edge and end - edge <= 0.3 * em + 0.5)
                g = gaps(line)
                if reaches and nxt is not None and len(g) >= 2:
                    justified.append((size_class(line), g))
                elif not reaches and len(g) >= 2 and end < edge - 20:
                    natural.setdefault(size_class(line), []).extend(g)
                for w in line:
                    if w.x1 > edge + 0.3 * em + 0.5 and w.x0 < edge + 36:
                        r["margin"] += 1
                if ends_hyphenated(line, nxt):
                    r["hyph"] += 1
                    run += 1
                    head = line[-1].text.rstrip("".join(HYPHENS))
                    tail = nxt[0].text
                    breaks.append(f"p. {pno}: {head}-/{tail}")
                    word = letters(head) + letters(tail)
                    if len(word) <= 5:
                        r["short"] += 1
                        problems.append(f"p. {pno}: short word broken: {head}-/{tail}")
                    h, t = letters(head).lower(), letters(tail).lower()
                    for wh, wt in wrong_breaks:
                        if h.endswith(wh) and t.startswith(wt):
                            r["wrong"] += 1
                            problems.append(f"p. {pno}: wrong joint: {head}-/{tail}")
                    last_of_para = i + 2 == len(block)
                    if last_of_para and len(nxt) == 1 and nxt[0].x1 < edge - 20:
                        r["tails"] += 1
                        problems.append(f"p. {pno}: paragraph ends in a tail: {head}-/{tail}")
                else:
                    if run == 2:
                        r["run2"] += 1
                    elif run >= 3:
                        r["run3"] += 1
                        problems.append(f"p. {pno}: {run} hyphenated lines in a row, "
                                        f"before: {' '.join(w.text for w in line[:4])}")
                    run = 0
    ratios = []
    for cls, g in justified:
        base = natural.get(cls)
        if not base or len(base) < 5:
            # no natural lines of this size: the closest size that has some
            near = [c for c in natural if len(natural[c]) >= 5]
            if not near:
                continue
            c = min(near, key=lambda c: abs(c - cls))
            nat = statistics.median(natural[c]) * cls / c
        else:
            nat = statistics.median(base)
        line_ratios = [x / nat for x in g]
        ratios.extend(line_ratios)
        if max(line_ratios) > 2:
            r["over2"] += 1
    r["lines"] = len(justified)
    r["median"] = statistics.median(ratios) if ratios else 0.0
    r["p95"] = percentile(ratios, 0.95)
    r["p5"] = percentile(ratios, 0.05)
    return r, problems, breaks


def main(argv):
    check = "--check" in argv
    tsv = "--tsv" in argv
    list_breaks = "--breaks" in argv
    wrong_path = None
    paths = []
    it = iter(argv)
    for a in it:
        if a == "--wrong-breaks":
            wrong_path = next(it)
        elif not a.startswith("--"):
            paths.append(a)
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    wrong = load_wrong_breaks(wrong_path)
    failed = 0
    cols = ["hyph", "run2", "run3", "tails", "short", "wrong", "p5", "median", "p95", "over2",
            "margin",
            "lines"]
    total = Counter()
    if tsv:
        print("document\t" + "\t".join(cols))
    else:
        print(f"{'document':44} " + " ".join(f"{c:>6}" for c in cols))
    for p in paths:
        r, problems, breaks = count(p, wrong)
        for k in ("hyph", "run2", "run3", "tails", "short", "wrong", "over2", "margin", "lines"):
            total[k] += r[k]
        cells = [f"{r[c]:.2f}" if isinstance(r[c], float) else str(r[c]) for c in cols]
        if tsv:
            print(p + "\t" + "\t".join(cells))
        else:
            print(f"{p[-44:]:44} " + " ".join(f"{c:>6}" for c in cells))
        hard = r["run3"] + r["tails"] + r["short"] + r["wrong"]
        for line in problems + (breaks if list_breaks else []):
            print(f"  {line}")
        if check and hard:
            failed += 1
    if not tsv and len(paths) > 1:
        print(f"{'all':44} " + " ".join(
            f"{total[c]:>6}" if c in total else f"{'':>6}" for c in cols))
    if check:
        print(f"typography: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
