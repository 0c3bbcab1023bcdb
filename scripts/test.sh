#!/usr/bin/env bash
# Set up a fresh machine, type-check kg (mypy) and run the whole test suite. Extra arguments go to pytest.
# As root it installs the Debian packages the tests use: raptor2-utils (the independent
# Turtle validator `rapper`) and chromium (the browser tests drive it through Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  need=""
  command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
  command -v chromium >/dev/null 2>&1 || need="$need chromium"
  if [ -n "$need" ]; then
    echo "installing Debian packages:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,notebooks]"

status=0
# The types are checked with the tests: an error from mypy fails the run as a failing test does.
.venv/bin/python -m mypy kg || status=$?
.venv/bin/python -m pytest "$@" || status=$?
# pytest says 5 when it collected no tests: that is a failure of the suite, not a pass.
exit "$status"
