#!/usr/bin/env python3
"""Validates every sample under plans/, and the complete example that opens
each format's page in docs/formats/, against its JSON Schema in docs/schema/.

usage: python3 tests/validate_samples.py [ROOT]   (ROOT: the repository)
Needs python3-yaml and python3-jsonschema. Dates stay text, as the loader
reads them (YAML 1.1 timestamps are not resolved). Exit status 0 when every
file is valid, 1 otherwise."""
import glob
import json
import os
import re
import sys

import jsonschema
import yaml


class TextDates(yaml.SafeLoader):
    pass


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

KINDS = [
    (re.compile(r"^association\.yaml$"), "association"),
    (re.compile(r"^plan-.*\.yaml$"), "plan"),
    (re.compile(r"^outcome-.*\.yaml$"), "outcome"),
    (re.compile(r"^minutes-.*\.yaml$"), "minutes"),
    (re.compile(r"^group\.yaml$"), "group"),
    (re.compile(r"^(arsredovisning|delarsrapport)-.*\.yaml$"), "annual"),
    (re.compile(r"^kontoplan\.yaml$"), "mapping"),
]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    schemas = {}
    for _, kind in KINDS:
        with open(os.path.join(root, "docs", "schema", kind + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[kind] = jsonschema.Draft202012Validator(schema)
    documents = []
    for path in sorted(glob.glob(os.path.join(root, "plans", "**", "*.yaml"), recursive=True)):
        kind = next((k for pattern, k in KINDS if pattern.match(os.path.basename(path))), None)
        if kind:
            with open(path, encoding="utf-8") as f:
                documents.append((path, kind, f.read()))
    for _, kind in KINDS:
        path = os.path.join(root, "docs", "formats", kind + ".md")
        with open(path, encoding="utf-8") as f:
            example = re.search(r"^```yaml\n(.*?)^```", f.read(), re.S | re.M)
        documents.append((path, kind, example.group(1) if example else ""))
    checked = failed = 0
    for path, kind, text in documents:
        data = yaml.load(text, Loader=TextDates)
        errors = list(schemas[kind].iter_errors(data))
        checked += 1
        for e in errors:
            where = ".".join(str(p) for p in e.absolute_path)
            print(f"not ok - {path}: {where}: {e.message}")
        if errors:
            failed += 1
        else:
            print(f"ok - {path} ({kind})")
    print(f"schemas: {checked - failed} passed, {failed} failed")
    return 1 if failed or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
