#!/usr/bin/env bash
# The real kustomize CLI (the version whose `edit set image` we are compatible with), for the
# differential tests and the fuzz. Prints the binary's path.
set -euo pipefail
exec bash "$(dirname "$0")/go-tool.sh" kustomize sigs.k8s.io/kustomize/kustomize/v5 "${KUSTOMIZE_VERSION:-v5.5.0}"
