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
module="github.com/prometheus-operator/prometheus-operator@${PROMETHEUS_OPERATOR_VERSION}"
CRD_SCRIPT=monitoring-crds
# shellcheck source=crds-from-go-modules.sh
source "${here}/crds-from-go-modules.sh"

take_crds "prometheus-operator ${PROMETHEUS_OPERATOR_VERSION}" "${cache}/monitoring-crds/${PROMETHEUS_OPERATOR_VERSION}" \
  "${module}|example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml|monitoring.coreos.com_servicemonitors.yaml" \
  "${module}|example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml|monitoring.coreos.com_prometheusrules.yaml"
