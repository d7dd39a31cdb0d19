#!/usr/bin/env python3
"""bench/run's record (bench/.work/record.tsv) as one JSON document, on stdout.

Each line of the record is KEY<TAB>VALUE, VALUE already JSON. A dotted KEY is a path of nested
objects (faults.hang.open_after_ms); a last segment ending in [] appends to a list
(overhead.cpu_us_per_request.on[], one entry a round). Keys keep the order bench/run measured them in.
A key recorded twice is a bug in bench/run: this fails rather than keep either figure.
"""
import json
import sys


def put(tree, key, value):
    *parents, last = key.split(".")
    node = tree
    for part in parents:
        node = node.setdefault(part, {})
    if last.endswith("[]"):
        node.setdefault(last[:-2], []).append(value)
    elif last in node:
        raise SystemExit(f"{key} recorded twice")
    else:
        node[last] = value


def main(path):
    tree = {}
    with open(path, encoding="utf-8") as record:
        for number, line in enumerate(record, 1):
            key, sep, value = line.rstrip("\n").partition("\t")
            if not sep:
                raise SystemExit(f"{path}:{number}: no tab in {line!r}")
            try:
                put(tree, key, json.loads(value))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{number}: {key}: not JSON ({e}): {value!r}")
    json.dump(tree, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: results_json.py RECORD > results.json")
    main(sys.argv[1])
