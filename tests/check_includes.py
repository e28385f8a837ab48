#!/usr/bin/env python3
"""The include graph of src/: modules (X.c with X.h) and the headers they
include. Fails when a module reaches itself again through its includes (a
cycle), when a module includes one of a later stage than its own, when a
header name stands in two folders, or when an include names no header of
src/. Usage: check_includes.py [SRC_DIR]"""

import os
import re
import sys

# The pipeline's order (README.md, "How it works"): a module may include
# modules of its own stage and of the stages before it.
STAGES = ["base", "load", "compute", "template", "typeset", "pdf", "batch"]
TOP = len(STAGES)  # src/main.c and src/tools/: above every stage

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def modules(src):
    """module name -> (stage rank, folder, [files])"""
    found, errors = {}, []
    for folder in STAGES + ["", "tools"]:
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        rank = STAGES.index(folder) if folder in STAGES else TOP
        for name in sorted(os.listdir(path)):
            stem, ext = os.path.splitext(name)
            if ext not in (".c", ".h"):
                continue
            if stem in found and found[stem][1] != folder:
                errors.append(f"{stem}{ext}: in {found[stem][1] or 'src'}/ and in {folder or 'src'}/")
                continue
            found.setdefault(stem, (rank, folder, []))[2].append(os.path.join(path, name))
    return found, errors


def graph(src, mods):
    edges, errors = {m: set() for m in mods}, []
    for m, (_, _, files) in mods.items():
        for f in files:
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
            for inc in INCLUDE.findall(text):
                stem = os.path.splitext(os.path.basename(inc))[0]
                if stem not in mods or not inc.endswith(".h"):
                    errors.append(f"{os.path.relpath(f, src)}: includes \"{inc}\", which is no header of src/")
                    continue
                if stem != m:
                    edges[m].add(stem)
    return edges, errors


def stage_errors(mods, edges):
    errors = []
    for m, targets in sorted(edges.items()):
        for t in sorted(targets):
            if mods[t][0] > mods[m][0]:
                errors.append(f"{m} ({mods[m][1] or 'src'}/) includes {t} of a later stage ({mods[t][1]}/)")
    return errors


def cycles(edges):
    """Each cycle once, as a list of modules, found by depth-first search."""
    state, stack, found = {}, [], []

    def visit(m):
        state[m] = "open"
        stack.append(m)
        for t in sorted(edges[m]):
            if state.get(t) == "open":
                found.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = "done"

    for m in sorted(edges):
        if m not in state:
            visit(m)
    return found


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    mods, errors = modules(src)
    edges, more = graph(src, mods)
    errors += more + stage_errors(mods, edges)
    errors += ["cycle: " + " -> ".join(c) for c in cycles(edges)]
    for e in errors:
        print("check_includes: " + e, file=sys.stderr)
    nedges = sum(len(t) for t in edges.values())
    print(f"check_includes: {len(mods)} modules, {nedges} includes between them, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
