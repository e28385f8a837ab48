#!/usr/bin/env python3
"""Generates N synthetic but realistic associations for the benchmark.

usage: generate.py N DIR

Each association gets a folder under DIR with association.yaml, a plan, an
outcome and minutes, in the formats of docs/formats/. They are made from the
samples in plans/ (whose sizes and structure are those of real documents):
the plan and the association cycle through Samsund (goal areas, budget with
a forecast column), Samspelet (interventions with targets, reserves,
financial rules) and Insjöriket (prose only); the outcome through the three
Jönköping associations' outcomes; the minutes are the Jönköping member
meeting's, held by the association itself. Each association has a name of
its own, and its plan a sentence of its own, so no two documents are alike.
The output depends only on N.
"""
import os
import shutil
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PLANS = os.path.join(ROOT, "plans")

PLAN_BASES = [("samsund", "plan-2024.yaml"), ("samspelet", "plan-2025.yaml"),
              ("insjoriket", "plan-2020.yaml")]
OUTCOME_BASES = [("hoglandet", "outcome-2023.yaml"), ("finnveden", "outcome-2023.yaml"),
                 ("sodra-vatterbygden", "outcome-2023.yaml")]
MINUTES_BASE = ("jonkoping", "minutes-2024-02-23.yaml")

FIRST = ["Norr", "Söder", "Väster", "Öster", "Ny", "Lång", "Björk", "Ek", "Sjö", "Älv",
         "Hög", "Mal", "Berg", "Lind", "Gran", "Ask", "Stor", "Lill", "Vall", "Åker"]
LAST = ["sund", "dal", "vik", "holm", "näs", "berga", "ås", "å", "tuna", "köping",
        "hamn", "bro", "hed", "fors", "by", "mark", "land", "stad", "torp", "lid"]


class Dumper(yaml.SafeDumper):
    pass


def _str(dumper, s):
    style = "|" if "\n" in s else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=style)


Dumper.add_representer(str, _str)


def load(folder, name):
    with open(os.path.join(PLANS, folder, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


def dump(data, path):
    with open(path, "w", encoding="utf-8") as f:
        yaml.dump(data, f, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)


def place(i):
    return FIRST[i % len(FIRST)] + LAST[(i // len(FIRST)) % len(LAST)] + (
        "" if i < len(FIRST) * len(LAST) else " " + str(i // (len(FIRST) * len(LAST)) + 1))


def folder_name(i, name):
    slug = name.lower().replace(" ", "-")
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o")):
        slug = slug.replace(a, b)
    return "%04d-%s" % (i + 1, slug)


def association(i, name):
    folder, _ = PLAN_BASES[i % len(PLAN_BASES)]
    data = load(folder, "association.yaml")
    data["association"]["name"] = "Samordningsförbundet " + name
    data["association"]["short_name"] = name
    return data


def plan(i, name):
    folder, file = PLAN_BASES[i % len(PLAN_BASES)]
    data = load(folder, file)
    sections = data["plan"].get("sections") or []
    if sections:
        body = sections[0].get("body", "")
        sections[0]["body"] = ("Samordningsförbundet %s omfattar kommunerna i %s med omnejd.\n\n"
                               % (name, name)) + body
    return file, data


def outcome(i):
    folder, file = OUTCOME_BASES[i % len(OUTCOME_BASES)]
    return file, load(folder, file)


def minutes(i, name):
    folder, file = MINUTES_BASE
    data = load(folder, file)
    data["minutes"].pop("associations", None)
    data["minutes"]["title"] = "Minnesanteckningar från medlemssamråd, Samordningsförbundet " + name
    return file, data


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py N DIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    for i in range(n):
        name = place(i)
        d = os.path.join(out, folder_name(i, name))
        os.makedirs(d, exist_ok=True)
        dump(association(i, name), os.path.join(d, "association.yaml"))
        for file, data in (plan(i, name), outcome(i), minutes(i, name)):
            dump(data, os.path.join(d, file))
            rows_from = (data.get("plan", {}).get("budget") or {}).get("rows_from")
            if rows_from:  # budget rows kept in a CSV file beside the plan
                shutil.copy(os.path.join(PLANS, PLAN_BASES[i % len(PLAN_BASES)][0], rows_from), d)


if __name__ == "__main__":
    main()
