#!/usr/bin/env bash
# Makes the prometheus-operator's monitoring.coreos.com CRDs (ServiceMonitor, PrometheusRule) exist in
# ~/.cache/semantic-router-operator/monitoring-crds/<version>/, taken from the prometheus-operator Go
# module (example/prometheus-operator-crd/) at PROMETHEUS_OPERATOR_VERSION of versions.env, so that
# InstallManifestsIT can apply the operator's ServiceMonitor and PrometheusRule to a real API server.
# Idempotent; progress on stderr; prints the folder on stdout. Needs `go` and the Go module proxy
# (or a module cache holding that version).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "${here}/versions.env"
cache="${SEMANTIC_ROUTER_OPERATOR_CACHE:-${HOME}/.cache/semantic-router-operator}"
module="github.com/prometheus-operator/prometheus-operator"
version="${PROMETHEUS_OPERATOR_VERSION}"
target="${cache}/monitoring-crds/${version}"
crds=(monitoring.coreos.com_servicemonitors.yaml monitoring.coreos.com_prometheusrules.yaml)
log() { echo "[monitoring-crds] $(date +%H:%M:%S) $*" >&2; }
fail() { echo "test-envtest/provision/monitoring-crds.sh: $*" >&2; exit 1; }

complete=true
for crd in "${crds[@]}"; do
  [[ -s "${target}/${crd}" ]] || complete=false
done
if ${complete}; then
  log "prometheus-operator ${version} CRDs already in ${target}"
  echo "${target}"
  exit 0
fi

command -v go >/dev/null 2>&1 \
  || fail "'go' is not on PATH; install Go to download the ${module} ${version} module that holds the ServiceMonitor and PrometheusRule CRDs"
log "downloading ${module}@${version} from the Go module proxy (its CRDs only are used)"
if ! info="$(cd "${TMPDIR:-/tmp}" && go mod download -json "${module}@${version}")"; then
  fail "go mod download ${module}@${version} failed (see above); it needs the Go module proxy or a module cache holding that version"
fi
dir="$(printf '%s\n' "${info}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -n "${dir}" && -d "${dir}" ]] || fail "go mod download ${module}@${version} reported no module folder: ${info}"

mkdir -p "${target}.tmp.$$"
for crd in "${crds[@]}"; do
  source_file="${dir}/example/prometheus-operator-crd/${crd}"
  [[ -s "${source_file}" ]] || fail "${source_file} is missing from ${module}@${version}"
  cp "${source_file}" "${target}.tmp.$$/${crd}"
  log "took ${crd}"
done
rm -rf "${target}"
mv "${target}.tmp.$$" "${target}"
log "prometheus-operator ${version} CRDs in ${target}"
echo "${target}"
