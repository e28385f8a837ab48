#!/usr/bin/env python3
"""The JSON Schemas and the loaders agree (docs/formats/README.md, "What the
schemas cannot check"): every YAML case of the bad-input corpus (tests/bad/
plan, association, outcome, minutes, group, mapping, annual: all refused by
planpress, as the corpus run checks) is refused by the YAML reader or by the schema of its
kind, unless the docs' table lists it as a check no schema can express; a
listed case the schema refuses after all is reported too, so that the list
stays true. The samples, which planpress accepts, are valid: validate_samples.py.

usage: python3 tests/check_schema_agreement.py [ROOT]   Exit status 0 when they agree."""
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

from validate_samples import TextDates

ROLES = {"plan": "plan", "association": "association", "outcome": "outcome", "minutes": "minutes",
         "group": "group", "mapping": "mapping", "annual": "annual"}


def listed_cases(root):
    """The cases of the docs' table of what the schemas cannot check."""
    with open(os.path.join(root, "docs", "formats", "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("## What the schemas cannot check", 1)[1].split("\n## ", 1)[0]
    cases = set()
    for row in section.splitlines():
        if row.startswith("| ") and not row.startswith("| check") and not row.startswith("| ---"):
            cases.update(re.findall(r"`([a-z]+/[a-z0-9-]+)`", row.rsplit("|", 2)[1]))
    return cases


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    listed = listed_cases(root)
    problems = []
    seen = set()
    counts = {"yaml": 0, "schema": 0, "listed": 0}
    for role, kind in ROLES.items():
        with open(os.path.join(root, "docs", "schema", kind + ".schema.json"), encoding="utf-8") as f:
            validator = jsonschema.Draft202012Validator(json.load(f))
        for path in sorted(glob.glob(os.path.join(root, "tests", "bad", role, "*.yaml"))):
            case = role + "/" + os.path.basename(path)[:-5]
            seen.add(case)
            with open(path, "rb") as f:
                raw = f.read()
            try:
                data = yaml.load(raw.decode("utf-8"), Loader=TextDates)
            except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
                counts["yaml"] += 1
                if case in listed:
                    problems.append(f"{case}: listed, but the YAML reader refuses it already")
                continue
            refused = any(True for _ in validator.iter_errors(data))
            if refused and case in listed:
                problems.append(f"{case}: listed as beyond the schema, which refuses it: drop it")
            elif not refused and case not in listed:
                problems.append(f"{case}: planpress refuses it but the {role} schema accepts it "
                                "(make the schema refuse it, or list it in docs/formats/README.md)")
            counts["schema" if refused else "listed"] += 1
    for case in sorted(listed - seen):
        problems.append(f"{case}: listed in docs/formats/README.md but not in tests/bad/")
    for p in problems:
        print(p)
    print(f"check_schema_agreement: {sum(counts.values())} cases: {counts['yaml']} refused by the "
          f"YAML reader, {counts['schema']} by the schema, {counts['listed']} listed as beyond it; "
          f"{len(problems)} problems")
    return 1 if problems or not seen else 0


if __name__ == "__main__":
    sys.exit(main())
