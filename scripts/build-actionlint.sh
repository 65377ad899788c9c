#!/usr/bin/env bash
# Builds actionlint (the GitHub Actions workflow linter) from the Go module proxy into a cache
# outside the repository, keyed on its version. Prints the binary's path. A second run on the
# same machine is instant.
set -euo pipefail
VERSION=${ACTIONLINT_VERSION:-v1.7.12}
DIR=${KID_CACHE:-$HOME/.cache/kid}/actionlint-$VERSION
if [ ! -x "$DIR/actionlint" ]; then
  mkdir -p "$DIR"
  echo "building actionlint $VERSION (first time only)..." >&2
  CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false GOBIN="$DIR" \
    go install -trimpath -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
fi
echo "$DIR/actionlint"
