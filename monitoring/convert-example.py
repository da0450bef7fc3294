#!/usr/bin/env python3
"""Convert another tool's check results into trustsite-status/v1 (docs/monitoring.md).

The input here is the JSON export of a fictional check runner ("checkrun"):

    {"run": {"finished": "<RFC 3339>"},
     "checks": [{"name": "...", "result": "PASS|FAIL|WARN|SKIP|ERROR",
                 "finished_at": "<RFC 3339>", "message": "..."}]}

Adapt `STATUS_BY_RESULT` and `convert()` to your tool; keep the times your tool reports, so the
Trust Center says when each check really ran. Python 3 standard library only.

    python3 monitoring/convert-example.py monitoring/convert-example.input.json \
        -o monitoring/status.json
    some-tool --json | python3 monitoring/convert-example.py - > status.json
"""

import argparse
import json
import os
import sys
import tempfile
from datetime import datetime, timezone

# The tool's result values -> trustsite statuses. Anything else becomes "unknown".
STATUS_BY_RESULT = {
    "PASS": "passing",
    "FAIL": "failing",
    "WARN": "warning",
    "SKIP": "not_applicable",
    "ERROR": "unknown",
}


def rfc3339_utc(text):
    """Normalises an RFC 3339 time (any offset, fractional seconds) to YYYY-MM-DDTHH:MM:SSZ."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no timezone offset")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def convert(export):
    generated_at = rfc3339_utc(export["run"]["finished"])
    items = []
    for check in export["checks"]:
        result = str(check.get("result", "")).upper()
        if result not in STATUS_BY_RESULT:
            print(f"warning: check {check['name']!r}: unknown result {result!r}, "
                  f"written as unknown", file=sys.stderr)
        item = {
            "id": check["name"],
            "status": STATUS_BY_RESULT.get(result, "unknown"),
            "checked_at": rfc3339_utc(check.get("finished_at") or export["run"]["finished"]),
        }
        if check.get("message"):
            item["detail"] = check["message"]
        items.append(item)
    return {"schema": "trustsite-status/v1", "generated_at": generated_at, "items": items}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="the tool's JSON export, or - for standard input")
    parser.add_argument("-o", "--output", help="file to write (atomically); default: stdout")
    args = parser.parse_args()

    with (sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")) as source:
        status = convert(json.load(source))
    text = json.dumps(status, indent=2, ensure_ascii=False) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return
    # Write next to the target, then rename: a build never reads a half-written file.
    directory = os.path.dirname(os.path.abspath(args.output))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False) as out:
        out.write(text)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(out.name, 0o666 & ~umask)  # NamedTemporaryFile creates 0600
    os.replace(out.name, args.output)


if __name__ == "__main__":
    main()
