#!/usr/bin/env bash
# Builds tools/kustomize-driver (kustomize v5.5's own `edit set image` and Kustomization reader,
# many cases per process) for the long differential fuzz, into a cache outside the repository
# keyed by its sources. Prints the binary's path. Needs Go and the Go module proxy the first time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=$ROOT/tools/kustomize-driver
KEY=$(cat "$SRC/main.go" "$SRC/go.mod" "$SRC/go.sum" | sha256sum | cut -c1-12)
DIR=${KID_CACHE:-$HOME/.cache/kid}/kustomize-driver-$KEY
if [ ! -x "$DIR/kustomize-driver" ]; then
  mkdir -p "$DIR"
  echo "building the kustomize driver (first time only, a few minutes)..." >&2
  (cd "$SRC" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false go build -trimpath -ldflags "-s -w" -o "$DIR/kustomize-driver" . >&2)
fi
echo "$DIR/kustomize-driver"
