#!/usr/bin/env bash
# Stops the control plane that scripts/e2e/start.sh started: it signals exactly the
# pids recorded in $KID_E2E_DIR/pids (only while they still run the binary they were
# recorded for), waits for them to exit, then removes the state dir.
set -euo pipefail

D=${KID_E2E_DIR:-$HOME/.cache/kid-e2e/run}
log() { echo "stop.sh: $*" >&2; }

[ -e "$D" ] || exit 0
# Refuse to delete anything that does not look like a start.sh state dir.
if [ ! -d "$D/pids" ] && [ ! -f "$D/pki/ca.cnf" ] && [ -n "$(ls -A "$D" 2>/dev/null)" ]; then
  log "$D does not look like a kid-e2e state dir; not touching it"
  exit 1
fi

ours() { # ours <component> <pid>: the pid still runs that component's binary
  [ -r "/proc/$2/cmdline" ] && tr '\0' ' ' <"/proc/$2/cmdline" | grep -q -- "/$1 "
}

pids=()
for c in kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
  f="$D/pids/$c.pid"
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  [[ "$pid" =~ ^[0-9]+$ ]] || continue
  if ours "$c" "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$c:$pid")
  fi
done

for entry in "${pids[@]}"; do
  c=${entry%%:*} pid=${entry#*:}
  for ((i = 0; i < 300; i++)); do ours "$c" "$pid" || break; sleep 0.1; done
  if ours "$c" "$pid"; then
    log "$c ($pid) did not exit after SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do ours "$c" "$pid" || break; sleep 0.1; done
  fi
done

rm -rf "$D"
log "stopped (${#pids[@]} processes) and removed $D"
