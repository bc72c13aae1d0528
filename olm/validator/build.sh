#!/usr/bin/env bash
# Builds the OLM bundle validator (operator-framework/api validators, pinned in go.mod) into
# ~/.cache/semantic-router-operator/bin/olm-bundle-validator. Idempotent: rebuilds only when
# main.go, go.mod or go.sum changed since the last build. Needs `go` and the Go module proxy
# (or a warm module cache). Prints the binary's path on stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin_dir="${SEMANTIC_ROUTER_OPERATOR_BIN:-${HOME}/.cache/semantic-router-operator/bin}"
binary="${bin_dir}/olm-bundle-validator"
stamp="${binary}.sha256"

if ! command -v go >/dev/null 2>&1; then
  echo "olm/validator/build.sh: 'go' is not on PATH; install Go 1.24+ to build the bundle validator" >&2
  exit 1
fi

sources_hash="$(cd "${here}" && cat go.mod go.sum main.go | sha256sum | cut -d' ' -f1)"
if [[ -x "${binary}" && -f "${stamp}" && "$(cat "${stamp}")" == "${sources_hash}" ]]; then
  echo "${binary}"
  exit 0
fi

mkdir -p "${bin_dir}"
echo "building ${binary} (operator-framework/api $(grep 'github.com/operator-framework/api ' "${here}/go.mod" | awk '{print $2}'))" >&2
tmp="${binary}.tmp.$$"
(cd "${here}" && CGO_ENABLED=0 go build -trimpath -o "${tmp}" .)
mv -f "${tmp}" "${binary}"
echo "${sources_hash}" > "${stamp}"
echo "${binary}"
