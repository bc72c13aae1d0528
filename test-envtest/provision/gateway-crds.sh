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
CRD_SCRIPT=gateway-crds
# shellcheck source=crds-from-go-modules.sh
source "${here}/crds-from-go-modules.sh"

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

take_crds "Gateway API, Envoy Gateway, Istio and Inference Extension" "${target}" "${files[@]}"
