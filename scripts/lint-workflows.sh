#!/usr/bin/env bash
# Lints this repository's workflows (.github/workflows/) and every workflow example of README.md
# with actionlint (built and cached by scripts/build-actionlint.sh). With shellcheck on PATH,
# actionlint also checks every `run:` script. Fails on any finding.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ACTIONLINT=$(bash scripts/build-actionlint.sh)
"$ACTIONLINT" -version | head -1
command -v shellcheck >/dev/null || echo "note: shellcheck is not installed; run: scripts are not checked" >&2
status=0
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "no workflow in .github/workflows/" >&2
  status=1
elif "$ACTIONLINT" -no-color "${workflows[@]}"; then
  echo ".github/workflows: ${#workflows[@]} workflow(s) linted, 0 problem(s)"
else
  status=1
fi
node scripts/lint-readme-workflows.mjs "$ACTIONLINT" README.md || status=1
exit $status
