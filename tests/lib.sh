# What the shell test drivers (web/run.sh, package/run.sh, action/run.sh) share; sourced, not run.

# Prints "FAIL: <message>" to stderr and exits 1.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# need_command NAME HOW: fails with the command that installs NAME when it is not on PATH
# (a missing tool is a failure, never a skipped check). HOW names its Debian package.
need_command() {
  command -v "$1" >/dev/null 2>&1 ||
    fail "'$1' not found; install it with: bash scripts/install-deps.sh --test ($2)"
}
