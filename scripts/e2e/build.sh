#!/usr/bin/env bash
# Builds the binaries of the end-to-end control plane from published Go modules:
#   kube-apiserver, kube-controller-manager, kube-scheduler, kubectl  (tools/kube)
#   etcd                                                              (tools/etcd)
#   kwok                                                              (tools/kwok)
#
# They go to a cache folder outside the repository,
#   ${KID_E2E_CACHE:-$HOME/.cache/kid-e2e}/bin-<key>
# where <key> is a short sha256 of the tools' go.mod/go.sum files, this script and
# the Go version. When that folder is complete the script does nothing.
#
# The last line of stdout is the bin folder; it is also written to
#   ${KID_E2E_CACHE}/current-bin
# A cold build takes a while (see README); its output goes to ${KID_E2E_CACHE}/build-<key>.log
# and is printed if the build fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${KID_E2E_CACHE:-$HOME/.cache/kid-e2e}
KUBE_VERSION=v1.35.4
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok)

export GOTOOLCHAIN=local CGO_ENABLED=0
# -buildvcs=false: never stamp (or fail on) the git state of this checkout.
export GOFLAGS="-buildvcs=false -mod=readonly"

command -v go >/dev/null || { echo "build.sh: go is not installed" >&2; exit 1; }

key=$(
  cd "$ROOT"
  {
    for f in tools/kube/go.mod tools/kube/go.sum tools/etcd/go.mod tools/etcd/go.sum \
             tools/kwok/go.mod tools/kwok/go.sum scripts/e2e/build.sh; do
      printf '%s\n' "$f"; cat "$f"
    done
    go env GOVERSION GOOS GOARCH
  } | sha256sum | cut -c1-16
)
BIN=$CACHE/bin-$key
LOG=$CACHE/build-$key.log
mkdir -p "$CACHE"

complete() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$1/$b" ] || return 1; done
  [ -f "$1/.complete" ]
}

if complete "$BIN"; then
  echo "$BIN" >"$CACHE/current-bin"
  echo "$BIN"
  exit 0
fi

# One build at a time per cache folder (run.sh may be called concurrently).
exec 9>"$CACHE/build.lock"
if command -v flock >/dev/null; then flock 9; fi
if complete "$BIN"; then
  echo "$BIN" >"$CACHE/current-bin"
  echo "$BIN"
  exit 0
fi

TMP=$BIN.tmp.$$
rm -rf "$TMP"
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT

minor=$(cut -d. -f2 <<<"$KUBE_VERSION")
# Stamp the version the way release builds do; unstamped binaries report
# v0.0.0-master+$Format:%H$, which breaks `kubectl version` and semver checks.
kube_ld="-s -w"
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  kube_ld+=" -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitVersion=$KUBE_VERSION"
  kube_ld+=" -X $p.gitCommit=0000000000000000000000000000000000000000 -X $p.gitTreeState=clean"
  kube_ld+=" -X $p.buildDate=1970-01-01T00:00:00Z"
done

step() {
  local dir=$1; shift
  echo "+ (cd tools/$dir && $*)" >>"$LOG"
  (cd "$ROOT/tools/$dir" && "$@") >>"$LOG" 2>&1
}

: >"$LOG"
echo "build.sh: building the e2e control plane into $BIN (log: $LOG)" >&2
start=$(date +%s)
fail() {
  echo "build.sh: $1 failed; log $LOG follows" >&2
  cat "$LOG" >&2
  exit 1
}
go version >>"$LOG" 2>&1
# Download first, with one retry: a cold module download is large.
for dir in kube etcd kwok; do
  step "$dir" go mod download || { sleep 5; step "$dir" go mod download; } || fail "go mod download in tools/$dir"
done
step kube go build -p 2 -trimpath -ldflags "$kube_ld" -o "$TMP/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl || fail "building Kubernetes"
step etcd go build -p 2 -trimpath -ldflags "-s -w" -o "$TMP/etcd" go.etcd.io/etcd/server/v3 || fail "building etcd"
step kwok go build -p 2 -trimpath -ldflags "-s -w" -o "$TMP/kwok" sigs.k8s.io/kwok/cmd/kwok || fail "building kwok"
for b in kube-apiserver etcd kwok; do
  "$TMP/$b" --version >>"$LOG" 2>&1 || fail "$b --version"
done
"$TMP/kube-apiserver" --version | grep -qx "Kubernetes $KUBE_VERSION" || fail "version stamp check"
touch "$TMP/.complete"
rm -rf "$BIN"
mv "$TMP" "$BIN"
trap - EXIT
echo "build.sh: built in $(( $(date +%s) - start )) s" >&2
echo "$BIN" >"$CACHE/current-bin"
echo "$BIN"
