#!/usr/bin/env bash
# Makes kube-apiserver, etcd and kubectl exist in ~/.kubeapitest/k8s/<version>-linux-amd64/,
# where io.fabric8:kube-api-test looks for them. Idempotent and cached in the home directory.
#
# Order: (1) already present -> use; (2) KUBEAPITEST_BINARIES=<dir> holding the three binaries
# -> copy; (3) online -> leave it to kube-api-test's own download; (4) `go` on PATH -> build them
# from Go modules (minutes, progress printed); (5) fail, saying what is missing and how to fix it.
#
# The Kubernetes version is pinned in one place: test-envtest/provision/versions.env.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

arch="linux-amd64"
target="${KUBEAPITEST_DIR:-$HOME/.kubeapitest}/k8s/${K8S_VERSION}-${arch}"
work="${XDG_CACHE_HOME:-$HOME/.cache}/semantic-router-operator/test-binaries"
log() { echo "[provision] $(date +%H:%M:%S) $*"; }

have_all() { [ -x "$target/kube-apiserver" ] && [ -x "$target/etcd" ] && [ -x "$target/kubectl" ]; }

if have_all; then
  log "binaries for Kubernetes ${K8S_VERSION} already present in $target"
  exit 0
fi
mkdir -p "$target"

if [ -n "${KUBEAPITEST_BINARIES:-}" ]; then
  for b in kube-apiserver etcd kubectl; do
    [ -x "$KUBEAPITEST_BINARIES/$b" ] || { echo "KUBEAPITEST_BINARIES=$KUBEAPITEST_BINARIES has no executable '$b'" >&2; exit 2; }
    cp "$KUBEAPITEST_BINARIES/$b" "$target/$b"
  done
  log "copied binaries from KUBEAPITEST_BINARIES=$KUBEAPITEST_BINARIES"
  exit 0
fi

if [ "${PROVISION_TRY_DOWNLOAD:-1}" = "1" ] && command -v curl >/dev/null \
   && curl -sfI --max-time 5 "https://dl.k8s.io/release/v${K8S_VERSION}/bin/linux/amd64/kubectl" >/dev/null 2>&1; then
  rmdir "$target" 2>/dev/null || true
  log "online: kube-api-test will download Kubernetes ${K8S_VERSION} binaries itself"
  exit 0
fi

if ! command -v go >/dev/null; then
  cat >&2 <<EOF
Cannot provide kube-apiserver, etcd and kubectl for Kubernetes ${K8S_VERSION}:
  - they are not in $target,
  - KUBEAPITEST_BINARIES is not set,
  - the release download is not reachable,
  - and there is no 'go' on PATH to build them.
Fix one of: install Go (1.24+) and re-run; or set KUBEAPITEST_BINARIES to a folder holding
kube-apiserver, etcd and kubectl for ${K8S_VERSION}; or copy them into $target.
EOF
  exit 3
fi

export GOFLAGS="${GOFLAGS:--buildvcs=false} -mod=mod"
export CGO_ENABLED=0

build_kubernetes() {
  local mod="$work/kubernetes-${K8S_VERSION}"
  mkdir -p "$mod"
  log "resolving k8s.io/kubernetes v${K8S_VERSION} (its staging modules are replaced by v${K8S_STAGING_VERSION})"
  local gomod
  gomod="$(cd "$mod" && go mod download -json "k8s.io/kubernetes@v${K8S_VERSION}" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')"
  {
    echo "module local/kube-test-binaries"
    echo
    echo "go 1.24"
    echo
    echo "require k8s.io/kubernetes v${K8S_VERSION}"
    echo
    # Every staging module is listed as `k8s.io/x => ./staging/src/k8s.io/x`, ignored in a dependency.
    sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#replace \1 => \1 v'"${K8S_STAGING_VERSION}"'#p' "$gomod"
  } > "$mod/go.mod"
  cat > "$mod/tools.go" <<'EOF'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
EOF
  log "downloading Go modules for kube-apiserver and kubectl (first time: a few minutes)"
  (cd "$mod" && go mod tidy >/dev/null 2>&1 || true)
  (cd "$mod" && go get "k8s.io/kubernetes@v${K8S_VERSION}" >/dev/null)
  log "building kube-apiserver (first time: 5-15 minutes on 2 cores)"
  (cd "$mod" && go build -trimpath -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=v${K8S_VERSION} -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=${K8S_MINOR} -X k8s.io/client-go/pkg/version.gitVersion=v${K8S_VERSION}" -o "$target/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver)
  mv "$target/kube-apiserver.tmp" "$target/kube-apiserver"
  log "building kubectl"
  (cd "$mod" && go build -trimpath -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=v${K8S_VERSION} -X k8s.io/client-go/pkg/version.gitVersion=v${K8S_VERSION}" -o "$target/kubectl.tmp" k8s.io/kubernetes/cmd/kubectl)
  mv "$target/kubectl.tmp" "$target/kubectl"
}

build_etcd() {
  local mod="$work/etcd-${ETCD_VERSION}"
  mkdir -p "$mod"
  cat > "$mod/go.mod" <<EOF
module local/etcd-test-binary

go 1.24

require go.etcd.io/etcd/server/v3 v${ETCD_VERSION}
EOF
  cat > "$mod/tools.go" <<'EOF'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
EOF
  log "building etcd v${ETCD_VERSION} from go.etcd.io/etcd/server/v3"
  if (cd "$mod" && go mod tidy >/dev/null 2>&1 && go build -trimpath -ldflags "-s -w" -o "$target/etcd.tmp" go.etcd.io/etcd/server/v3); then
    mv "$target/etcd.tmp" "$target/etcd"
  elif [ -x /usr/bin/etcd ]; then
    log "Go build of etcd failed; using Debian's /usr/bin/etcd"
    cp /usr/bin/etcd "$target/etcd"
  else
    echo "Building etcd failed and Debian's etcd-server package is not installed (apt-get install etcd-server)." >&2
    exit 4
  fi
}

start=$(date +%s)
[ -x "$target/etcd" ] || build_etcd
{ [ -x "$target/kube-apiserver" ] && [ -x "$target/kubectl" ]; } || build_kubernetes
have_all || { echo "provisioning finished but binaries are missing in $target" >&2; exit 5; }
log "Kubernetes ${K8S_VERSION} test binaries ready in $target ($(( $(date +%s) - start )) s)"
