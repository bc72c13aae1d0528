#!/usr/bin/env bash
# Builds the Prometheus validator (Prometheus' own scrape parsers, rule loader and PromQL parser, pinned in
# go.mod) into ~/.cache/semantic-router-operator/bin/prometheus-validator; MetricsIT and InstallManifestsIT run it.
# Idempotent: rebuilds only when a .go file, go.mod or go.sum changed since the last build. Needs
# `go` and the Go module proxy (or a warm module cache). Prints the binary's path on stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin_dir="${SEMANTIC_ROUTER_OPERATOR_BIN:-${HOME}/.cache/semantic-router-operator/bin}"
binary="${bin_dir}/prometheus-validator"
stamp="${binary}.sha256"

if ! command -v go >/dev/null 2>&1; then
  echo "test-envtest/validators/prometheus/build.sh: 'go' is not on PATH; install Go 1.26+ to build the Prometheus validator" >&2
  exit 1
fi

sources_hash="$(cd "${here}" && cat go.mod go.sum ./*.go | sha256sum | cut -d' ' -f1)"
if [[ -x "${binary}" && -f "${stamp}" && "$(cat "${stamp}")" == "${sources_hash}" ]]; then
  echo "${binary}"
  exit 0
fi

mkdir -p "${bin_dir}"
echo "building ${binary} (github.com/prometheus/prometheus $(grep 'github.com/prometheus/prometheus ' "${here}/go.mod" | awk '{print $2}'))" >&2
tmp="${binary}.tmp.$$"
if ! (cd "${here}" && CGO_ENABLED=0 go build -mod=readonly -trimpath -o "${tmp}" .); then
  rm -f "${tmp}"
  echo "test-envtest/validators/prometheus/build.sh: building the Prometheus validator failed (see above); it needs the Go module proxy or a module cache holding the modules of go.sum" >&2
  exit 1
fi
mv -f "${tmp}" "${binary}"
echo "${sources_hash}" > "${stamp}"
echo "${binary}"
