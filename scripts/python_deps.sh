#!/usr/bin/env bash
# Installs Python packages from PyPI for the test and benchmark scripts (pip from Debian if missing;
# --break-system-packages where the system Python refuses a plain install).
#   scripts/python_deps.sh PACKAGE...
set -euo pipefail
python3 -m pip --version >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null; }
python3 -m pip install --quiet "$@" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$@"
