#!/usr/bin/env python3
"""Checks that CTest runs every doctest case of trustsite_tests exactly once.

    ctest_registration.py CTEST BUILD_DIR TRUSTSITE_TESTS    (run by CTest as ctest_registration)

doctest_discover_tests() registers one CTest entry per test case, selected with
--test-case=NAME. A name can break that silently: CMake splits it at ';' into two entries that
select nothing and pass; doctest splits the filter at an unescaped ',', reads '*' and '?' as
wildcards and compares without case. This test fails unless
  - the binary's case names are unique (ignoring case) and free of ';', '*', '?', '\\', '[', ']',
    leading and trailing spaces, so each one can be given to --test-case= as it is;
  - the CTest entries running the binary are as many as its cases;
  - each entry selects exactly one case, the one it is named after (its own command, with
    --list-test-cases appended, in its working directory).
"""
import json
import os
import subprocess
import sys

# Characters a name must not contain (see above); ',' is escaped by doctest's CMake script and
# by doctest itself, and is checked by running each entry.
FORBIDDEN = ";*?\\[]"


def listed_cases(command, cwd=None):
    """The test case names `command --list-test-cases` prints, and the count doctest reports."""
    result = subprocess.run(command + ["--list-test-cases"], cwd=cwd, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"FAIL: {command} --list-test-cases exited {result.returncode}:\n"
                 f"{result.stdout}{result.stderr}")
    names, count = [], None
    prefix = "[doctest] unskipped test cases passing the current filters: "
    for line in result.stdout.splitlines():
        if line.startswith(prefix):
            count = int(line[len(prefix):])
        elif not line.startswith("[doctest] ") and line != "=" * 79:
            names.append(line)
    if count is None or count != len(names):
        sys.exit(f"FAIL: cannot read the output of {command} --list-test-cases "
                 f"({len(names)} names, doctest counts {count}):\n{result.stdout}")
    return names


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ctest, build_dir, binary = sys.argv[1:]
    binary = os.path.realpath(binary)
    problems = []

    cases = listed_cases([binary])
    if not cases:
        problems.append(f"{binary} reports no test cases")
    seen = {}
    for name in cases:
        bad = sorted({c for c in name if c in FORBIDDEN})
        if bad:
            problems.append(f"test case name contains {' '.join(bad)}: {name!r}")
        if name != name.strip():
            problems.append(f"test case name starts or ends with white space: {name!r}")
        if name.lower() in seen:
            problems.append(f"two test cases with the same name (ignoring case): "
                            f"{seen[name.lower()]!r} and {name!r}")
        seen[name.lower()] = name

    shown = subprocess.run([ctest, "--test-dir", build_dir, "--show-only=json-v1"],
                           capture_output=True, text=True, check=True)
    entries = []
    for test in json.loads(shown.stdout)["tests"]:
        command = test.get("command") or []
        if command and os.path.realpath(command[0]) == binary:
            properties = {p["name"]: p["value"] for p in test.get("properties", [])}
            entries.append((test["name"], command, properties.get("WORKING_DIRECTORY")))
        elif test["name"].startswith("trustsite_tests"):
            # What doctest_discover_tests() registers when discovery did not run.
            problems.append(f"CTest entry {test['name']!r} does not run {binary}")

    if len(entries) != len(cases):
        problems.append(f"{len(entries)} CTest entries run {binary}, "
                        f"which has {len(cases)} test cases")
    selected = set()
    for name, command, cwd in entries:
        chosen = listed_cases(command, cwd)
        selected.update(chosen)
        if chosen != [name]:
            problems.append(f"CTest entry {name!r} selects {len(chosen)} test cases"
                            + (f": {chosen!r}" if chosen else "") + f" (command: {command!r})")
    missing = [name for name in cases if name not in selected]
    for name in missing:
        problems.append(f"no CTest entry runs the test case {name!r}")

    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        print(f"{len(problems)} problems; rename the test cases above (see tests/ctest_registration.py)")
        return 1
    print(f"{len(entries)} CTest entries, {len(cases)} test cases: each entry runs one case, "
          "each case has one entry")
    return 0


if __name__ == "__main__":
    sys.exit(main())
