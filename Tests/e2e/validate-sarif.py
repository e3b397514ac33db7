#!/usr/bin/env python3
"""Validate SARIF log files against the official OASIS SARIF 2.1.0 JSON schema.

The schema is read from ../Fixtures/sarif/sarif-schema-2.1.0.json, relative to
this script, and checked with jsonschema's Draft7Validator. Nothing is fetched
from the network. The only dependency is the `jsonschema` package.

Usage:
    Tests/e2e/validate-sarif.py FILE...
    some-command --format sarif | Tests/e2e/validate-sarif.py -

Use `-` to read one log from standard input. For each file the script prints
`valid  FILE` or `INVALID FILE`. After INVALID it prints each error's JSON
path and message, at most 20 errors per file.

Exit status:
    0  every file is valid
    1  at least one file does not match the schema
    2  usage error, or a file (or the schema) that is unreadable or not JSON
"""

import json
import os
import sys

try:
    from jsonschema import Draft7Validator
except ImportError:  # pragma: no cover - depends on the environment
    sys.stderr.write("validate-sarif.py: the 'jsonschema' Python package is required "
                     "(pip install jsonschema)\n")
    sys.exit(2)

MAX_ERRORS = 20
SCHEMA_PATH = os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Fixtures", "sarif", "sarif-schema-2.1.0.json"))


def usage_error(message):
    sys.stderr.write("validate-sarif.py: %s\n" % message)
    sys.stderr.write("usage: validate-sarif.py FILE... ('-' reads standard input)\n")
    sys.exit(2)


def load_json(name):
    """Parse FILE (or stdin for '-'). Returns (document, None) or (None, error text)."""
    try:
        if name == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            with open(name, "rb") as handle:
                text = handle.read().decode("utf-8-sig")
    except OSError as error:
        return None, "cannot read %s: %s" % (name, error.strerror or error)
    except UnicodeDecodeError as error:
        return None, "%s is not UTF-8 text: %s" % (name, error)
    try:
        return json.loads(text), None
    except ValueError as error:
        return None, "%s is not valid JSON: %s" % (name, error)


def error_sort_key(error):
    """Order errors by document position (array indexes numerically), then message."""
    path = [(0, part, "") if isinstance(part, int) else (1, 0, str(part))
            for part in error.absolute_path]
    return path, error.message


def main(argv):
    args = argv[1:]
    if not args:
        usage_error("no SARIF file given")
    if any(arg in ("-h", "--help") for arg in args):
        sys.stdout.write(__doc__)
        return 0
    for arg in args:
        if arg.startswith("-") and arg != "-":
            usage_error("unknown option %s" % arg)
    if args.count("-") > 1:
        usage_error("'-' (standard input) can be given only once")

    schema, problem = load_json(SCHEMA_PATH)
    if problem:
        sys.stderr.write("validate-sarif.py: schema: %s\n" % problem)
        return 2
    validator = Draft7Validator(schema)

    status = 0
    for name in args:
        document, problem = load_json(name)
        if problem:
            sys.stderr.write("validate-sarif.py: %s\n" % problem)
            status = 2
            continue
        errors = sorted(validator.iter_errors(document), key=error_sort_key)
        if not errors:
            print("valid  %s" % name)
            continue
        print("INVALID %s" % name)
        for error in errors[:MAX_ERRORS]:
            print("  %s: %s" % (error.json_path, error.message))
        if len(errors) > MAX_ERRORS:
            print("  ... and %d more errors" % (len(errors) - MAX_ERRORS))
        if status == 0:
            status = 1
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
