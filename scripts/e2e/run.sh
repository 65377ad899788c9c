#!/usr/bin/env bash
# Runs a command against the end-to-end control plane:
#   build (cached) -> start it unless it already runs -> run "$@" -> stop it if we started it.
#
# The command gets:
#   KUBECONFIG        admin kubeconfig of the control plane
#   KID_E2E_DIR       state dir (restricted.kubeconfig, logs, ...)
#   KID_E2E_BIN       folder of the built binaries
#   KID_E2E_KUBECTL   the built kubectl (same minor as the apiserver)
# PATH is left alone (so /usr/bin/kubectl is not shadowed) unless KID_E2E_PATH=1,
# which puts KID_E2E_BIN first. KID_E2E_KEEP=1 leaves a control plane this script
# started running afterwards. The exit code is the command's.
#
# usage: bash scripts/e2e/run.sh <command> [args...]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

export KID_E2E_DIR=${KID_E2E_DIR:-$HOME/.cache/kid-e2e/run}
KID_E2E_BIN=$(bash "$HERE/build.sh" | tail -n 1)
export KID_E2E_BIN
export KID_E2E_KUBECTL=$KID_E2E_BIN/kubectl

started=0
if KID_E2E_BIN=$KID_E2E_BIN bash "$HERE/start.sh" --check; then
  echo "run.sh: using the control plane already running in $KID_E2E_DIR" >&2
else
  started=1
  # From here on a failed or interrupted start is cleaned up as well.
  trap 'if [ "${KID_E2E_KEEP:-0}" != 1 ]; then bash "$HERE/stop.sh" || true; fi' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  KID_E2E_BIN=$KID_E2E_BIN bash "$HERE/start.sh" >/dev/null
fi
export KUBECONFIG=$KID_E2E_DIR/admin.kubeconfig
if [ "${KID_E2E_PATH:-0}" = 1 ]; then
  export PATH=$KID_E2E_BIN:$PATH
fi

rc=0
"$@" || rc=$?
if [ "$started" = 1 ] && [ "${KID_E2E_KEEP:-0}" = 1 ]; then
  echo "run.sh: KID_E2E_KEEP=1, leaving the control plane running (KUBECONFIG=$KUBECONFIG)" >&2
fi
exit "$rc"
