#!/usr/bin/env bash
# Makes the CRDs of the kinds gateway mode reads and creates exist in
# ~/.cache/semantic-router-operator/gateway-crds/<key>/, each taken from the Go module that publishes
# it, at the versions of versions.env, so that GatewayIT applies every gateway object under its real
# schema (strict field validation):
#   sigs.k8s.io/gateway-api                      config/crd/standard/  Gateway, GatewayClass, HTTPRoute, ReferenceGrant, BackendTLSPolicy
#   github.com/envoyproxy/gateway                charts/gateway-helm/crds/generated/  EnvoyExtensionPolicy
#   istio.io/api                                 kubernetes/customresourcedefinitions.gen.yaml  (every Istio CRD; the test picks its kinds)
#   sigs.k8s.io/gateway-api-inference-extension  config/crd/bases/  InferencePool
# Idempotent; progress on stderr; prints the folder on stdout. Needs `go` and the Go module proxy
# (or a module cache holding those versions).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "${here}/versions.env"
cache="${SEMANTIC_ROUTER_OPERATOR_CACHE:-${HOME}/.cache/semantic-router-operator}"
key="gateway-api-${GATEWAY_API_VERSION}_envoy-gateway-${ENVOY_GATEWAY_VERSION}_istio-api-${ISTIO_API_VERSION}_inference-extension-${INFERENCE_EXTENSION_VERSION}"
target="${cache}/gateway-crds/${key}"
log() { echo "[gateway-crds] $(date +%H:%M:%S) $*" >&2; }
fail() { echo "test-envtest/provision/gateway-crds.sh: $*" >&2; exit 1; }

# module@version|path inside the module|file name in the target folder
files=(
  "sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}|config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml|gateway.networking.k8s.io_gatewayclasses.yaml"
  "sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}|config/crd/standard/gateway.networking.k8s.io_gateways.yaml|gateway.networking.k8s.io_gateways.yaml"
  "sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}|config/crd/standard/gateway.networking.k8s.io_httproutes.yaml|gateway.networking.k8s.io_httproutes.yaml"
  "sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}|config/crd/standard/gateway.networking.k8s.io_referencegrants.yaml|gateway.networking.k8s.io_referencegrants.yaml"
  "sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}|config/crd/standard/gateway.networking.k8s.io_backendtlspolicies.yaml|gateway.networking.k8s.io_backendtlspolicies.yaml"
  "github.com/envoyproxy/gateway@${ENVOY_GATEWAY_VERSION}|charts/gateway-helm/crds/generated/gateway.envoyproxy.io_envoyextensionpolicies.yaml|gateway.envoyproxy.io_envoyextensionpolicies.yaml"
  "istio.io/api@${ISTIO_API_VERSION}|kubernetes/customresourcedefinitions.gen.yaml|istio.io_customresourcedefinitions.yaml"
  "sigs.k8s.io/gateway-api-inference-extension@${INFERENCE_EXTENSION_VERSION}|config/crd/bases/inference.networking.k8s.io_inferencepools.yaml|inference.networking.k8s.io_inferencepools.yaml"
)

complete=true
for entry in "${files[@]}"; do
  [[ -s "${target}/${entry##*|}" ]] || complete=false
done
if ${complete}; then
  log "gateway CRDs already in ${target}"
  echo "${target}"
  exit 0
fi

command -v go >/dev/null 2>&1 \
  || fail "'go' is not on PATH; install Go to download the Go modules that hold the Gateway API, Envoy Gateway, Istio and Inference Extension CRDs"
module_dir() {
  local info dir
  log "downloading $1 from the Go module proxy (its CRDs only are used)"
  if ! info="$(cd "${TMPDIR:-/tmp}" && go mod download -json "$1")"; then
    fail "go mod download $1 failed (see above); it needs the Go module proxy or a module cache holding that version"
  fi
  dir="$(printf '%s\n' "${info}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "${dir}" && -d "${dir}" ]] || fail "go mod download $1 reported no module folder: ${info}"
  echo "${dir}"
}

staging="${target}.tmp.$$"
mkdir -p "${staging}"
declare -A dirs=()
for entry in "${files[@]}"; do
  IFS='|' read -r module path name <<<"${entry}"
  [[ -n "${dirs[${module}]:-}" ]] || dirs[${module}]="$(module_dir "${module}")"
  source_file="${dirs[${module}]}/${path}"
  [[ -s "${source_file}" ]] || fail "${path} is missing from ${module}"
  cp "${source_file}" "${staging}/${name}"
  chmod u+w "${staging}/${name}"
  log "took ${name} from ${module}"
done
rm -rf "${target}"
mv "${staging}" "${target}"
log "gateway CRDs in ${target}"
echo "${target}"
