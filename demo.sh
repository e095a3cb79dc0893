#!/usr/bin/env bash
# One command from a fresh clone to a running demo: browsers (if missing), dependencies, the
# extension built and zipped for Chrome and Firefox, then the demo on the bundled seed page
# (prints the claims found, writes screenshots to docs/screenshots/).
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "Node.js 20 is required" >&2; exit 1; }
bash .ci/install-browsers.sh
npm ci --no-audit --no-fund
npm run build
npm run zip
npm run demo
