#!/usr/bin/env bash
# Starts a real Kubernetes control plane on 127.0.0.1 for the end-to-end tests:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok (which
# plays the kubelet of one fake node), built by scripts/e2e/build.sh.
#
# State (PKI, kubeconfigs, logs, pid files, etcd data) lives in
#   KID_E2E_DIR (default $HOME/.cache/kid-e2e/run)
# Outputs:
#   $KID_E2E_DIR/admin.kubeconfig       cluster admin (system:masters)
#   $KID_E2E_DIR/restricted.kubeconfig  user kid-e2e-restricted: read-only
#                                       (ClusterRole "view"), so apply is forbidden
#   $KID_E2E_DIR/kwok.yaml              the effective kwok stage config
#   $KID_E2E_DIR/pids/<component>.pid   one file per process started here
#   $KID_E2E_DIR/logs/<component>.log
# The last line of stdout is the admin kubeconfig path.
#
# `start.sh --check` only tells (exit code) whether it runs and is healthy.
# Idempotent: when the recorded processes are alive and the cluster is healthy it
# only prints the kubeconfig path. Stop with scripts/e2e/stop.sh.
#
# Pods whose labels carry kid.e2e/never-ready: "true", or one of whose container images has a
# tag holding "never-ready" (web:2.0.0-never-ready), start running but never become Ready, so
# `kubectl rollout status --timeout=...` fails as on a real cluster.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
D=${KID_E2E_DIR:-$HOME/.cache/kid-e2e/run}
WAIT=${KID_E2E_WAIT:-120}

ETCD_PORT=${KID_E2E_ETCD_PORT:-23790}
ETCD_PEER_PORT=${KID_E2E_ETCD_PEER_PORT:-23800}
API_PORT=${KID_E2E_API_PORT:-16443}
KCM_PORT=${KID_E2E_KCM_PORT:-20257}
SCHED_PORT=${KID_E2E_SCHED_PORT:-20259}
KWOK_PORT=${KID_E2E_KWOK_PORT:-20247}
SVC_CIDR=10.96.0.0/16
SVC_IP=10.96.0.1
POD_CIDR=10.244.0.0/16
NODE=kwok-node-0
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)

log() { echo "start.sh: $*" >&2; }

BIN=${KID_E2E_BIN:-}
if [ -z "$BIN" ]; then
  BIN=$(bash "$HERE/build.sh" | tail -n 1)
fi
KUBECTL="$BIN/kubectl"
KCFG="$D/admin.kubeconfig"

alive() { # alive <component>: the recorded pid runs the expected binary
  local f="$D/pids/$1.pid" pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "/$1 "
}

healthy() {
  local c
  for c in "${COMPONENTS[@]}"; do alive "$c" || return 1; done
  [ -f "$KCFG" ] && [ -f "$D/restricted.kubeconfig" ] && [ -f "$D/ready" ] || return 1
  "$KUBECTL" --kubeconfig "$KCFG" --request-timeout=10s get --raw=/readyz >/dev/null 2>&1 || return 1
  [ "$("$KUBECTL" --kubeconfig "$KCFG" --request-timeout=10s get node "$NODE" \
        -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" = True ]
}

if [ "${1:-}" = --check ]; then
  # start.sh --check: exit 0 when the control plane runs and is healthy, 1 otherwise.
  if healthy; then exit 0; else exit 1; fi
fi

if [ -d "$D" ]; then
  if healthy; then
    log "control plane already running ($D)"
    echo "$KCFG"
    exit 0
  fi
  log "found a stale or unhealthy state dir $D; stopping it first"
  bash "$HERE/stop.sh"
fi

t0=$(date +%s)
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$ETCD_PORT" "$ETCD_PEER_PORT" "$API_PORT" "$KCM_PORT" "$SCHED_PORT" "$KWOK_PORT"; do
  if in_use "$p"; then
    log "port 127.0.0.1:$p is already in use by another process; set KID_E2E_*_PORT to move"
    exit 1
  fi
done

PKI=$D/pki
mkdir -p "$PKI" "$D/logs" "$D/pids"
install -d -m 700 "$D/etcd"

dump_logs() {
  local f
  for f in "$D"/logs/*.log; do
    [ -f "$f" ] || continue
    echo "===== $f (last 60 lines) =====" >&2
    tail -n 60 "$f" >&2
  done
}
fail() {
  log "FAILED: $*"
  dump_logs
  log "state left in $D for inspection; run scripts/e2e/stop.sh to clean up"
  exit 1
}
wait_for() { # wait_for <what> <command...>
  local what=$1 i; shift
  for ((i = 0; i < WAIT; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "timed out after ${WAIT}s waiting for $what"
}
run() { # run <component> <binary> <args...>: start in its own session, record the pid
  local name=$1; shift
  # bash -c writes its own pid and then execs the binary, so the pid file names
  # the component process itself, whether or not setsid had to fork.
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$D/pids/$name.pid" "$@" \
    </dev/null >"$D/logs/$name.log" 2>&1 &
  local i
  for ((i = 0; i < 50; i++)); do [ -s "$D/pids/$name.pid" ] && break; sleep 0.1; done
  [ -s "$D/pids/$name.pid" ] || fail "$name did not start"
}

# ---------------------------------------------------------------- PKI (openssl)
ossl() { openssl "$@" >>"$D/logs/openssl.log" 2>&1 || fail "openssl $1"; }
cat >"$PKI/ca.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
x509_extensions = v3_ca
[dn]
CN = kid-e2e-ca
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier = hash
EOF
ossl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 -config "$PKI/ca.cnf" \
  -keyout "$PKI/ca.key" -out "$PKI/ca.crt"
cat >"$PKI/server.ext" <<EOF
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:$SVC_IP
EOF
printf '%s\n' 'basicConstraints = critical,CA:FALSE' \
  'keyUsage = critical,digitalSignature,keyEncipherment' 'extendedKeyUsage = clientAuth' >"$PKI/client.ext"
sign() { # sign <name> <subject> <extfile>
  ossl req -new -newkey rsa:2048 -nodes -subj "$2" -keyout "$PKI/$1.key" -out "$PKI/$1.csr"
  ossl x509 -req -sha256 -days 365 -in "$PKI/$1.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" \
    -CAcreateserial -extfile "$3" -out "$PKI/$1.crt"
}
sign apiserver "/CN=kube-apiserver" "$PKI/server.ext"
sign admin "/O=system:masters/CN=kid-e2e-admin" "$PKI/client.ext"
sign restricted "/O=kid-e2e:readers/CN=kid-e2e-restricted" "$PKI/client.ext"
# The aggregation layer's client; configuring it also publishes the requestheader CA
# that the controller-manager and scheduler look up (they log errors without it).
sign front-proxy-client "/CN=front-proxy-client" "$PKI/client.ext"
ossl genrsa -out "$PKI/sa.key" 2048
ossl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub"

kubeconfig() { # kubeconfig <file> <user> <cert name>
  local b64='base64 -w0'
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: kid-e2e
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $($b64 <"$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $($b64 <"$PKI/$3.crt")
    client-key-data: $($b64 <"$PKI/$3.key")
contexts:
- name: kid-e2e-$3
  context:
    cluster: kid-e2e
    user: $2
    namespace: default
current-context: kid-e2e-$3
EOF
  chmod 600 "$1"
}
kubeconfig "$KCFG" kid-e2e-admin admin
export KUBECONFIG=$KCFG

# ---------------------------------------------------------------- etcd
run etcd "$BIN/etcd" --name=kid-e2e --data-dir="$D/etcd" \
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster="kid-e2e=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state=new \
  --listen-metrics-urls= \
  --auto-compaction-retention=1 --unsafe-no-fsync=true --log-level=warn
wait_for etcd curl -fsS "http://127.0.0.1:$ETCD_PORT/health"

# ---------------------------------------------------------------- kube-apiserver
# --advertise-address=127.0.0.1: do not look for a host interface (there may be no
# default route). --endpoint-reconciler-type=none: do not write loopback Endpoints.
run kube-apiserver "$BIN/kube-apiserver" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" --etcd-prefix=/registry \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
  --endpoint-reconciler-type=none \
  --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
  --client-ca-file="$PKI/ca.crt" \
  --requestheader-client-ca-file="$PKI/ca.crt" --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --proxy-client-cert-file="$PKI/front-proxy-client.crt" --proxy-client-key-file="$PKI/front-proxy-client.key" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
  --service-cluster-ip-range="$SVC_CIDR" \
  --authorization-mode=Node,RBAC --allow-privileged=true \
  --profiling=false \
  --cert-dir="$D/apiserver-certs"
wait_for "kube-apiserver /readyz" "$KUBECTL" --request-timeout=5s get --raw=/readyz

# ---------------------------------------------------------------- kube-controller-manager
run kube-controller-manager "$BIN/kube-controller-manager" \
  --kubeconfig="$KCFG" --authentication-kubeconfig="$KCFG" --authorization-kubeconfig="$KCFG" \
  --bind-address=127.0.0.1 --secure-port="$KCM_PORT" --cert-dir="$D/kcm-certs" \
  --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
  --leader-elect=false --profiling=false \
  --root-ca-file="$PKI/ca.crt" --service-account-private-key-file="$PKI/sa.key" \
  --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
  --node-monitor-period=5s --node-monitor-grace-period=40s

# ---------------------------------------------------------------- kube-scheduler
run kube-scheduler "$BIN/kube-scheduler" \
  --kubeconfig="$KCFG" --authentication-kubeconfig="$KCFG" --authorization-kubeconfig="$KCFG" \
  --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" --cert-dir="$D/scheduler-certs" \
  --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
  --leader-elect=false --profiling=false
wait_for kube-controller-manager curl -fsSk "https://127.0.0.1:$KCM_PORT/healthz"
wait_for kube-scheduler curl -fsSk "https://127.0.0.1:$SCHED_PORT/healthz"

# ---------------------------------------------------------------- kwok stages
# The stock stages are read from the kwok module in the Go module cache (the same
# version tools/kwok builds); nothing of kwok's is copied into this repository.
KWOK_SRC=$(cd "$ROOT/tools/kwok" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go mod download sigs.k8s.io/kwok >/dev/null 2>&1;
           cd "$ROOT/tools/kwok" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go list -m -f '{{.Dir}}' sigs.k8s.io/kwok) \
  || fail "cannot locate the sigs.k8s.io/kwok module (go list -m in tools/kwok)"
STAGES=$KWOK_SRC/kustomize/stage
for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
         pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
  [ -f "$STAGES/$f" ] || fail "kwok stage $STAGES/$f not found"
done
NEVER_READY_LABEL=kid.e2e/never-ready
NEVER_READY_TAG=never-ready
# A pod never becomes ready when its labels carry kid.e2e/never-ready: "true", or when the tag of
# one of its container images holds "never-ready" (so the failure follows the image, as in life:
# deploy web:2.0.0-never-ready and it never gets ready; roll back to web:1.0.0 and it does).
# A jq expression (kwok's stage selectors are jq) that is true for such pods.
NEVER_READY='(.metadata.labels["'"$NEVER_READY_LABEL"'"] == "true") or any(.spec.containers[].image; test(":[^:/@]*'"$NEVER_READY_TAG"'"))'
{
  cat "$STAGES/node/fast/node-initialize.yaml"
  echo '---'
  cat "$STAGES/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml"
  echo '---'
  # The stock pod-ready stage, but not for never-ready pods.
  awk -v key="$NEVER_READY" '
    !done && /^    matchExpressions:[[:space:]]*$/ {
      print
      print "    - key: '"'"'" key "'"'"'"
      print "      operator: '"'"'NotIn'"'"'"
      print "      values:"
      print "      - '"'"'true'"'"'"
      done = 1
      next
    }
    { print }
    END { if (!done) exit 3 }
  ' "$STAGES/pod/fast/pod-ready.yaml" || fail "could not add the never-ready exclusion to pod-ready.yaml"
  echo '---'
  cat "$STAGES/pod/fast/pod-complete.yaml"
  echo '---'
  cat "$STAGES/pod/fast/pod-delete.yaml"
  echo '---'
  # Our own stage: never-ready pods run, but their containers never pass readiness.
  cat <<EOF
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: kid-e2e-pod-running-never-ready
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - key: '$NEVER_READY'
      operator: 'In'
      values:
      - 'true'
    - key: '.metadata.deletionTimestamp'
      operator: 'DoesNotExist'
    - key: '.status.phase'
      operator: 'In'
      values:
      - 'Pending'
  next:
    statusTemplate: |
      {{ \$now := Now }}
      conditions:
      - lastTransitionTime: {{ \$now | Quote }}
        status: "True"
        type: Initialized
      - lastTransitionTime: {{ \$now | Quote }}
        status: "False"
        reason: ContainersNotReady
        message: "kid-e2e: the label $NEVER_READY_LABEL or an image tag holding $NEVER_READY_TAG keeps this pod from becoming ready"
        type: Ready
      - lastTransitionTime: {{ \$now | Quote }}
        status: "False"
        reason: ContainersNotReady
        type: ContainersReady
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        started: true
        restartCount: 0
        state:
          running:
            startedAt: {{ \$now | Quote }}
      {{ end }}
      phase: Running
      startTime: {{ \$now | Quote }}
EOF
} >"$D/kwok.yaml"

# ---------------------------------------------------------------- kwok
run kwok "$BIN/kwok" --kubeconfig="$KCFG" --config="$D/kwok.yaml" \
  --manage-all-nodes=true --cidr="$POD_CIDR" --node-ip=127.0.0.1 \
  --node-lease-duration-seconds=40 --server-address="127.0.0.1:$KWOK_PORT"
wait_for kwok curl -fsS "http://127.0.0.1:$KWOK_PORT/healthz"

# ---------------------------------------------------------------- the fake node
# No NoSchedule taint: it is the only node, ordinary workloads must land on it.
"$KUBECTL" apply -f - >>"$D/logs/setup.log" 2>&1 <<EOF || fail "creating node $NODE"
apiVersion: v1
kind: Node
metadata:
  name: $NODE
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
    kwok.x-k8s.io/node: fake
  labels:
    kubernetes.io/hostname: $NODE
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    type: kwok
EOF
wait_for "node $NODE Ready" "$KUBECTL" wait --for=condition=Ready "node/$NODE" --timeout=5s

# ---------------------------------------------------------------- users and namespaces
wait_for "serviceaccount default/default" "$KUBECTL" -n default get serviceaccount default
# A read-only user: may get/list/watch (built-in ClusterRole "view"), may not create
# or patch anything, so an apply as this user is forbidden.
"$KUBECTL" apply -f - >>"$D/logs/setup.log" 2>&1 <<'EOF' || fail "creating RBAC for kid-e2e-restricted"
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: kid-e2e-restricted-view
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: kid-e2e-restricted
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
EOF
kubeconfig "$D/restricted.kubeconfig" kid-e2e-restricted restricted
[ "$("$KUBECTL" auth can-i create deployments -n default --as=kid-e2e-restricted --as-group=kid-e2e:readers 2>/dev/null)" = no ] \
  || fail "kid-e2e-restricted may create deployments"
"$KUBECTL" --kubeconfig "$D/restricted.kubeconfig" -n default get serviceaccounts >/dev/null 2>&1 \
  || fail "kid-e2e-restricted cannot list serviceaccounts"

date -u +%FT%TZ >"$D/ready"
log "control plane ready in $(( $(date +%s) - t0 )) s: KUBECONFIG=$KCFG (bin $BIN)"
echo "$KCFG"
