#!/usr/bin/env python3
"""Runs the steps of the composite action in action.yml here, the way the GitHub runner does,
so that the action itself (not a copy of its commands) is tested outside GitHub.

    run_action.py ACTION_YML [--input NAME=VALUE ...]

What it emulates, and nothing more: inputs with their defaults; `${{ inputs.NAME }}` in a
step's `env`; `if: inputs.NAME == 'value'`; `shell: bash` steps with GITHUB_ACTION_PATH set to
the action's directory; GITHUB_PATH (lines added by a step are put in front of PATH for the
following steps) and GITHUB_OUTPUT (name=value lines; printed at the end as `output NAME=VALUE`).
Any other expression, shell or step kind is an error, so the action cannot silently use
something this emulation does not do. Stops at the first failing step and exits with its code.
"""

import argparse
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def fail(message):
    print(f"run_action.py: {message}", file=sys.stderr)
    sys.exit(2)


def evaluate(text, inputs):
    """Replaces each ${{ inputs.NAME }} in text; anything else is refused."""

    def replace(match):
        found = re.fullmatch(r"inputs\.([A-Za-z0-9_-]+)", match.group(1))
        if not found or found.group(1) not in inputs:
            fail(f"unsupported expression ${{{{ {match.group(1)} }}}}")
        return inputs[found.group(1)]

    return EXPRESSION.sub(replace, str(text))


def condition(text, inputs):
    found = re.fullmatch(r"\s*inputs\.([A-Za-z0-9_-]+)\s*==\s*'([^']*)'\s*", str(text))
    if not found or found.group(1) not in inputs:
        fail(f"unsupported if: {text}")
    return inputs[found.group(1)] == found.group(2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action")
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()

    with open(args.action, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action.get("runs", {}).get("using") != "composite":
        fail("not a composite action")
    declared = action.get("inputs", {})
    inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    for item in args.input:
        name, _, value = item.partition("=")
        if name not in declared:
            fail(f"unknown input {name!r}; the action declares {', '.join(declared)}")
        inputs[name] = value

    action_path = os.path.dirname(os.path.abspath(args.action))
    scratch = tempfile.mkdtemp(prefix="run-action-")
    atexit.register(shutil.rmtree, scratch, True)
    github_path = os.path.join(scratch, "path")
    github_output = os.path.join(scratch, "output")
    open(github_path, "w").close()
    open(github_output, "w").close()
    path_entries = []

    for number, step in enumerate(action["runs"]["steps"], 1):
        name = step.get("name", f"step {number}")
        unknown = set(step) - {"name", "id", "if", "shell", "env", "run"}
        if unknown or "run" not in step:
            fail(f"{name}: unsupported step keys {sorted(unknown) or ['(no run)']}")
        if step.get("shell") != "bash":
            fail(f"{name}: shell is {step.get('shell')!r}; only bash is emulated")
        if "if" in step and not condition(step["if"], inputs):
            print(f"== {name}: skipped", flush=True)
            continue
        env = dict(os.environ)
        env.update({key: evaluate(value, inputs) for key, value in (step.get("env") or {}).items()})
        env["GITHUB_ACTION_PATH"] = action_path
        env["GITHUB_PATH"] = github_path
        env["GITHUB_OUTPUT"] = github_output
        env["PATH"] = os.pathsep.join(path_entries + [os.environ.get("PATH", "")])
        print(f"== {name}", flush=True)
        # `bash -e {0}` is what the runner runs for `shell: bash`.
        script = os.path.join(scratch, f"step{number}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(evaluate(step["run"], inputs))
        code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], env=env).returncode
        with open(github_path, encoding="utf-8") as f:
            path_entries = [line.strip() for line in reversed(f.read().splitlines()) if line.strip()]
        if code != 0:
            print(f"== {name}: exit {code}", flush=True)
            sys.exit(code)
    with open(github_output, encoding="utf-8") as f:
        for line in f.read().splitlines():
            print(f"output {line}")


if __name__ == "__main__":
    main()
