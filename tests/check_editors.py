#!/usr/bin/env python3
"""What an editor needs to validate and complete the data files without
set-up: .vscode/settings.json maps every kind of file under plans/ to its
JSON Schema (the same kinds as validate_samples.py), every schema it names
exists, every sample starts with a `# yaml-language-server: $schema=…` line
that names the schema of its kind (so other editors find it too), and every sample is valid as an editor's YAML 1.1
reader sees it (an unquoted 2024-02-23 is a timestamp there, which the
schemas' date strings refuse: the samples quote their dates). And what an
editor shows while typing: every property of every schema has a description
(with the Swedish term the documents use), every enumeration a description
of each value (enumDescriptions), and every example is valid.

usage: python3 tests/check_editors.py [ROOT]   Exit status 0 when all is well."""
import fnmatch
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

from validate_samples import KINDS


def schema_of(settings, rel):
    """The schema the settings map the file to, or None."""
    found = [s for s, patterns in settings["yaml.schemas"].items()
             if any(fnmatch.fnmatch(rel, p) for p in patterns)]
    return found[0] if len(found) == 1 else None


def hover_problems(name, schema):
    """Properties without a description, enumerations without a description
    of each value, examples their own schema refuses."""
    problems = []

    def walk(node, where):
        if isinstance(node, list):
            for item in node:
                walk(item, where)
            return
        if not isinstance(node, dict):
            return
        for key, prop in node.get("properties", {}).items():
            if "description" not in prop:
                problems.append(f"{name}: {where}.{key}: no description")
            for example in prop.get("examples", []):
                # The property's schema with the file's definitions, for its $refs.
                sub = jsonschema.Draft202012Validator(dict(prop, **{"$defs": schema.get("$defs", {})}))
                if not sub.is_valid(example):
                    problems.append(f"{name}: {where}.{key}: the example {example!r} is not valid")
        if "enum" in node and len(node.get("enumDescriptions", [])) != len(node["enum"]):
            problems.append(f"{name}: {where}: not every value of the enumeration is described")
        for key, value in node.items():
            # Conditions (if/then/else, allOf …) restate properties defined above.
            if key not in ("examples", "enum", "enumDescriptions", "if", "then", "else", "not",
                           "allOf", "anyOf", "oneOf"):
                walk(value, f"{where}/{key}" if key not in ("properties", "$defs") else where)

    walk(schema, "")
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    with open(os.path.join(root, ".vscode", "settings.json"), encoding="utf-8") as f:
        settings = json.load(f)
    problems = []
    for schema in settings["yaml.schemas"]:
        if not os.path.isfile(os.path.join(root, schema)):
            problems.append(f".vscode/settings.json: no schema {schema}")
    for path in sorted(glob.glob(os.path.join(root, "docs", "schema", "*.schema.json"))):
        with open(path, encoding="utf-8") as f:
            problems += hover_problems(os.path.basename(path), json.load(f))
    checked = 0
    for path in sorted(glob.glob(os.path.join(root, "plans", "**", "*.yaml"), recursive=True)):
        rel = os.path.relpath(path, root)
        kind = next((k for pattern, k in KINDS if pattern.match(os.path.basename(path))), None)
        if not kind:
            continue
        want = f"./docs/schema/{kind}.schema.json"
        got = schema_of(settings, rel)
        if got != want:
            problems.append(f"{rel}: the editor settings map it to {got}, not {want}")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        line = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
        if not line:
            problems.append(f"{rel}: does not start with its # yaml-language-server: $schema= line")
        elif os.path.normpath(os.path.join(os.path.dirname(rel), line.group(1))) != \
                os.path.normpath(want):
            problems.append(f"{rel}: its $schema line names {line.group(1)}, not the {kind} schema")
        with open(os.path.join(root, want), encoding="utf-8") as f:
            validator = jsonschema.Draft202012Validator(json.load(f))
        data = yaml.safe_load(text)  # YAML 1.1, as editors read it: timestamps resolved
        for error in validator.iter_errors(data):
            where = ".".join(str(p) for p in error.absolute_path)
            problems.append(f"{rel}: {where}: {error.message} (as a YAML 1.1 editor reads it)")
        checked += 1
    for p in problems:
        print(p)
    print(f"check_editors: {checked} files, {len(problems)} problems")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
