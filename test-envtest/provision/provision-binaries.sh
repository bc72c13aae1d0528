#!/usr/bin/env bash
# Makes kube-apiserver, etcd and kubectl exist in ~/.kubeapitest/k8s/<version>-linux-amd64/,
# where io.fabric8:kube-api-test looks for them. Idempotent and cached in the home directory.
#
# Usage: provision-binaries.sh [VERSION...]
#   No argument: every version pinned in versions.env (K8S_VERSION, then K8S_OLDEST_VERSION).
#   A VERSION is 1.<minor>.<patch>; `newest` and `oldest` name the pinned ones.
#
# Per version, in order: (1) already present -> use; (2) KUBEAPITEST_BINARIES=<dir> holding the
# three binaries (of K8S_VERSION; of another version in <dir>/<version>/) -> copy; (3) online ->
# leave it to kube-api-test's own download; (4) `go` on PATH -> build kube-apiserver of that version
# from Go modules (minutes, progress printed); etcd and kubectl are the same for every version: those
# of K8S_VERSION, copied (built first if missing); (5) fail, saying what is missing and how to fix it.
#
# The Kubernetes versions are pinned in one place: test-envtest/provision/versions.env.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

arch="linux-amd64"
root="${KUBEAPITEST_DIR:-$HOME/.kubeapitest}/k8s"
work="${XDG_CACHE_HOME:-$HOME/.cache}/semantic-router-operator/test-binaries"
log() { echo "[provision] $(date +%H:%M:%S) $*"; }
fail() { local code="$1"; shift; echo "provision-binaries.sh: $*" >&2; exit "$code"; }

target_of() { echo "$root/$1-$arch"; }
has_binaries() { [ -x "$1/kube-apiserver" ] && [ -x "$1/etcd" ] && [ -x "$1/kubectl" ]; }
minor_of() { echo "$1" | cut -d. -f2; }
staging_of() { echo "0.${1#1.}"; }

resolve_version() {
  case "$1" in
    newest) echo "$K8S_VERSION" ;;
    oldest) echo "$K8S_OLDEST_VERSION" ;;
    1.[0-9]*.[0-9]*) echo "$1" ;;
    *) fail 2 "'$1' is not a Kubernetes version (1.<minor>.<patch>, 'newest' or 'oldest'); pinned: K8S_VERSION=$K8S_VERSION, K8S_OLDEST_VERSION=$K8S_OLDEST_VERSION in $here/versions.env" ;;
  esac
}

# A Go module folder for one build: go.mod requiring k8s.io/kubernetes at the version, with each of
# its staging modules (listed as `k8s.io/x => ./staging/src/k8s.io/x`, ignored in a dependency)
# replaced by the released 0.<minor>.<patch>.
kubernetes_module() {
  local version="$1" mod="$work/kubernetes-$1" gomod
  mkdir -p "$mod"
  log "resolving k8s.io/kubernetes v${version} (its staging modules are replaced by v$(staging_of "$version"))" >&2
  gomod="$(cd "$mod" && go mod download -json "k8s.io/kubernetes@v${version}" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')"
  [ -n "$gomod" ] || fail 6 "the Go module proxy did not serve k8s.io/kubernetes@v${version} (GOPROXY=$(go env GOPROXY))"
  {
    echo "module local/kube-test-binaries"
    echo
    echo "go 1.24"
    echo
    echo "require k8s.io/kubernetes v${version}"
    echo
    sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#replace \1 => \1 v'"$(staging_of "$version")"'#p' "$gomod"
  } > "$mod/go.mod"
  cat > "$mod/tools.go" <<'EOF'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
EOF
  log "downloading Go modules of Kubernetes ${version} (first time: a few minutes)" >&2
  (cd "$mod" && go mod tidy >/dev/null 2>&1 || true)
  (cd "$mod" && go get "k8s.io/kubernetes@v${version}" >/dev/null) \
    || fail 6 "downloading the Go modules of Kubernetes ${version} failed (see above)"
  echo "$mod"
}

# go build of one command of k8s.io/kubernetes at a version, into <target>/<command>. `providerless`
# leaves out the in-tree cloud providers that versions before 1.31 still compile in (a test API server
# uses none): kube-apiserver 1.26 builds with 36 % less CPU and is 78 MB instead of 137 MB.
build_kubernetes_command() {
  local version="$1" command="$2" target="$3" mod flags
  mod="$(kubernetes_module "$version")" || exit $?
  flags="-s -w -X k8s.io/component-base/version.gitVersion=v${version} -X k8s.io/component-base/version.gitMajor=1"
  flags="$flags -X k8s.io/component-base/version.gitMinor=$(minor_of "$version") -X k8s.io/client-go/pkg/version.gitVersion=v${version}"
  log "building $command ${version} (kube-apiserver the first time: 5-15 minutes on 2 cores)"
  (cd "$mod" && go build -trimpath -tags providerless -ldflags "$flags" -o "$target/$command.tmp.$$" "k8s.io/kubernetes/cmd/$command") \
    || { rm -f "$target/$command.tmp.$$"; fail 7 "building $command ${version} from Go modules failed (see above)"; }
  mv "$target/$command.tmp.$$" "$target/$command"
}

build_etcd() {
  local target="$1" mod="$work/etcd-${ETCD_VERSION}"
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
  if (cd "$mod" && go mod tidy >/dev/null 2>&1 && go build -trimpath -ldflags "-s -w" -o "$target/etcd.tmp.$$" go.etcd.io/etcd/server/v3); then
    mv "$target/etcd.tmp.$$" "$target/etcd"
  elif [ -x /usr/bin/etcd ]; then
    log "Go build of etcd failed; using Debian's /usr/bin/etcd"
    cp /usr/bin/etcd "$target/etcd"
  else
    fail 4 "building etcd failed and Debian's etcd-server package is not installed (apt-get install etcd-server)"
  fi
}

# etcd or kubectl for another version's folder: K8S_VERSION's, built there first when missing.
shared_binary() {
  local name="$1" target="$2" newest
  newest="$(target_of "$K8S_VERSION")"
  if [ ! -x "$newest/$name" ]; then
    mkdir -p "$newest"
    if [ "$name" = etcd ]; then build_etcd "$newest"; else build_kubernetes_command "$K8S_VERSION" kubectl "$newest"; fi
  fi
  if [ "$target" != "$newest" ]; then
    log "$name: the one of Kubernetes ${K8S_VERSION} ($newest/$name)"
    cp "$newest/$name" "$target/$name.tmp.$$" && mv "$target/$name.tmp.$$" "$target/$name"
  fi
}

copy_from_folder() {
  local version="$1" target="$2" from="$KUBEAPITEST_BINARIES"
  [ "$version" = "$K8S_VERSION" ] || from="$KUBEAPITEST_BINARIES/$version"
  for b in kube-apiserver etcd kubectl; do
    [ -x "$from/$b" ] || fail 2 "KUBEAPITEST_BINARIES=$KUBEAPITEST_BINARIES: no executable '$from/$b' for Kubernetes ${version}"
  done
  mkdir -p "$target"
  for b in kube-apiserver etcd kubectl; do cp "$from/$b" "$target/$b"; done
  log "copied the binaries of Kubernetes ${version} from $from"
}

downloadable() {
  [ "${PROVISION_TRY_DOWNLOAD:-1}" = "1" ] && command -v curl >/dev/null \
    && curl -sfI --max-time 5 "https://dl.k8s.io/release/v$1/bin/linux/amd64/kubectl" >/dev/null 2>&1
}

no_way_to_provide() {
  local version="$1" target="$2"
  cat >&2 <<EOF
Cannot provide kube-apiserver, etcd and kubectl for Kubernetes ${version}:
  - they are not in $target,
  - KUBEAPITEST_BINARIES is not set,
  - the release download is not reachable,
  - and there is no 'go' on PATH to build them.
Fix one of: install Go (1.24+) and re-run; or set KUBEAPITEST_BINARIES to a folder holding
kube-apiserver, etcd and kubectl (for a version other than ${K8S_VERSION}: in <folder>/${version}/);
or copy them into $target.
EOF
  exit 3
}

provision() {
  local version="$1" target start
  target="$(target_of "$version")"
  if has_binaries "$target"; then
    log "binaries for Kubernetes ${version} already present in $target"
    return
  fi
  if [ -n "${KUBEAPITEST_BINARIES:-}" ]; then
    copy_from_folder "$version" "$target"
    return
  fi
  if downloadable "$version"; then
    log "online: kube-api-test will download Kubernetes ${version} binaries itself"
    return
  fi
  command -v go >/dev/null || no_way_to_provide "$version" "$target"
  start=$(date +%s)
  mkdir -p "$target"
  if [ ! -x "$target/etcd" ]; then shared_binary etcd "$target"; fi
  if [ ! -x "$target/kube-apiserver" ]; then build_kubernetes_command "$version" kube-apiserver "$target"; fi
  if [ ! -x "$target/kubectl" ]; then shared_binary kubectl "$target"; fi
  has_binaries "$target" || fail 5 "provisioning finished but binaries are missing in $target"
  log "Kubernetes ${version} test binaries ready in $target ($(( $(date +%s) - start )) s)"
}

export GOFLAGS="${GOFLAGS:--buildvcs=false} -mod=mod"
export CGO_ENABLED=0

[ $# -gt 0 ] || set -- newest oldest
for requested in "$@"; do
  version="$(resolve_version "$requested")"
  provision "$version"
done
