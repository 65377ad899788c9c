#!/usr/bin/env bash
# Builds one Go command from the Go module proxy into a cache outside the repository, keyed on
# its version, and prints the binary's path. A second run on the same machine is instant.
# usage: go-tool.sh NAME MODULE/PATH/TO/CMD VERSION
set -euo pipefail
NAME=$1 PKG=$2 VERSION=$3
DIR=${KID_CACHE:-$HOME/.cache/kid}/$NAME-$VERSION
if [ ! -x "$DIR/$NAME" ]; then
  mkdir -p "$DIR"
  echo "building $NAME $VERSION (first time only)..." >&2
  CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false GOBIN="$DIR" \
    go install -trimpath -ldflags "-s -w" "$PKG@$VERSION" >&2
fi
echo "$DIR/$NAME"
