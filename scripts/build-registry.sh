#!/usr/bin/env bash
# The CNCF distribution registry (the reference OCI registry), for the tests of `verify-images`
# and `pin-digest` (__tests__/helpers/registry.ts starts it on loopback). Prints the binary's path.
set -euo pipefail
exec bash "$(dirname "$0")/go-tool.sh" registry github.com/distribution/distribution/v3/cmd/registry "${REGISTRY_VERSION:-v3.1.2}"
