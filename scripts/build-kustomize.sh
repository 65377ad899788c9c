#!/usr/bin/env bash
# Builds the real kustomize CLI (the version whose `edit set image` we are compatible with)
# from the Go module proxy into a cache outside the repository, for the differential tests.
# Prints the binary's path. A second run on the same machine is instant.
set -euo pipefail
VERSION=${KUSTOMIZE_VERSION:-v5.5.0}
DIR=${KID_CACHE:-$HOME/.cache/kid}/kustomize-$VERSION
if [ ! -x "$DIR/kustomize" ]; then
  mkdir -p "$DIR"
  echo "building kustomize $VERSION (first time only, about a minute)..." >&2
  CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false GOBIN="$DIR" \
    go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kustomize/kustomize/v5@$VERSION" >&2
fi
echo "$DIR/kustomize"
