#!/usr/bin/env bash
# actionlint (the GitHub Actions workflow linter). Prints the binary's path.
set -euo pipefail
exec bash "$(dirname "$0")/go-tool.sh" actionlint github.com/rhysd/actionlint/cmd/actionlint "${ACTIONLINT_VERSION:-v1.7.12}"
