#!/usr/bin/env python3
"""Writes a stress plan for the typography counter: an association folder
with a plan of long sections (the prose of the three sample plans run
together, two and three times over), a budget of 120 rows in five groups
that runs over pages, and a footnote in nearly every paragraph.

usage: stress.py DIR    (writes DIR/stress/association.yaml and plan-2024.yaml)

The text is the samples' own, so what the counter finds is what real prose
set at length does; the output depends only on the samples."""
import os
import re
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PLANS = os.path.join(ROOT, "plans")
SOURCES = [("samsund", "plan-2024.yaml"), ("samspelet", "plan-2025.yaml"),
           ("insjoriket", "plan-2020.yaml")]
GROUPS = [("Fasta kostnader", "administration"), ("Styrelse och revision", "board"),
          ("Individinsatser", "individual"), ("Strukturella insatser", "structural"),
          ("Övriga kostnader", "other")]


class Dumper(yaml.SafeDumper):
    pass


Dumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def load(folder, name):
    with open(os.path.join(PLANS, folder, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


def paragraphs():
    """The prose paragraphs of the samples' sections, footnotes and lists left out."""
    out = []
    for folder, name in SOURCES:
        for s in load(folder, name)["plan"].get("sections", []):
            for p in (s.get("body") or "").split("\n\n"):
                p = re.sub(r"\[\^\w+\]", "", p.strip())
                if len(p) > 200 and not p.startswith(("[^", "-", "1.", "|", "```", "*")):
                    out.append(" ".join(p.split()))
    return out


def sentences(paras):
    return [s for p in paras for s in re.split(r"(?<=\.) ", p) if 40 < len(s) < 200]


def sections(paras):
    notes = sentences(paras)
    out, k, n = [], 0, 0
    titles = ["Uppdrag och bakgrund", "Samverkan mellan parterna", "Insatser för individer",
              "Strukturella insatser", "Uppföljning och lärande", "Ekonomi och styrning"]
    for i, title in enumerate(titles):
        body = []
        for _ in range(6 + i % 3):  # six to eight long paragraphs a section
            text = paras[k % len(paras)] + " " + paras[(k + 7) % len(paras)]
            k += 1
            n += 1
            body.append(f"{text}[^{n}]")
            body.append(f"[^{n}]: {notes[(n * 5) % len(notes)]}")
        out.append({"heading": title, "body": "\n\n".join(body) + "\n"})
    out.append({"show": ["budget"]})
    return out


def budget():
    labels = sorted({r["label"] for folder, name in SOURCES
                     for r in (load(folder, name)["plan"].get("budget") or {}).get("costs", [])})
    costs = []
    for i in range(114):
        group, category = GROUPS[i * len(GROUPS) // 114]
        base = 40 + (i * 37) % 900
        costs.append({"group": group, "label": f"{labels[i % len(labels)]} {i // len(labels) + 1}",
                      "category": category, "values": [base, base + i % 7, base + 10 * (i % 5)]})
    # the state half, the region a quarter, the municipalities a quarter
    income = [{"label": m, "category": "allocation", "members": m, "values": [v, v, v]}
              for m, v in [("Arbetsförmedlingen", 7800), ("Försäkringskassan", 7800),
                           ("Region Stockholm", 7800), ("Järfälla kommun", 3900),
                           ("Sundbybergs stad", 2496), ("Upplands-Bro kommun", 1404)]]
    income.append({"label": "Projektmedel ESF", "category": "external", "values": [3764, 1633, 2937]})
    return {"title": "Budget 2024–2026", "unit": "tkr",
            "columns": [{"year": 2023, "kind": "budget"}, {"year": 2023, "kind": "forecast"},
                        {"year": 2024, "kind": "budget"}],
            "income": income, "costs": costs}


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = os.path.join(argv[0], "stress")
    os.makedirs(folder, exist_ok=True)
    association = load("samsund", "association.yaml")
    association["association"]["name"] = "Samordningsförbundet Provsund"
    association["association"]["short_name"] = "Provsund"
    plan = {"plan": {"year": 2024, "title": "Verksamhetsplan 2024 (provtryck)",
                     "sections": sections(paragraphs()), "budget": budget()}}
    for name, data in [("association.yaml", association), ("plan-2024.yaml", plan)]:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            yaml.dump(data, f, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
