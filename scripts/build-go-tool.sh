#!/usr/bin/env bash
# Builds one of the project's Go test tools (validators: Envoy's API, kstatus, Prometheus' parsers,
# the OLM bundle validators; each pins its library in its own go.mod) into
# ~/.cache/semantic-router-operator/bin/<binary> (SEMANTIC_ROUTER_OPERATOR_BIN overrides the folder).
# Idempotent: rebuilds only when a .go file, go.mod or go.sum of the tool changed since the last
# build. Needs `go` and the Go module proxy (or a warm module cache). Prints the binary's path on
# stdout, progress and errors on stderr.
#
# usage: build-go-tool.sh <tool folder> <binary name> <what it is, for messages> <pinned module> [note]
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: $0 <tool folder> <binary name> <description> <pinned module> [note]" >&2
  exit 2
fi
here="$(cd "$1" && pwd)"
name="$2"
what="$3"
module="$4"
note="${5:-}"
bin_dir="${SEMANTIC_ROUTER_OPERATOR_BIN:-${HOME}/.cache/semantic-router-operator/bin}"
binary="${bin_dir}/${name}"
stamp="${binary}.sha256"
wanted_go="$(awk '$1 == "go" {print $2; exit}' "${here}/go.mod")"

if ! command -v go >/dev/null 2>&1; then
  echo "${here}: 'go' is not on PATH; install Go ${wanted_go}+ to build the ${what}" >&2
  exit 1
fi

sources_hash="$(cd "${here}" && cat go.mod go.sum ./*.go | sha256sum | cut -d' ' -f1)"
if [[ -x "${binary}" && -f "${stamp}" && "$(cat "${stamp}")" == "${sources_hash}" ]]; then
  echo "${binary}"
  exit 0
fi

mkdir -p "${bin_dir}"
version="$(awk -v m="${module}" '$1 == m {print $2; exit} $1 == "require" && $2 == m {print $3; exit}' "${here}/go.mod")"
echo "building ${binary} (${module} ${version}${note:+; ${note}})" >&2
tmp="${binary}.tmp.$$"
if ! (cd "${here}" && CGO_ENABLED=0 go build -mod=readonly -trimpath -o "${tmp}" .); then
  rm -f "${tmp}"
  echo "${here}: building the ${what} failed (see above); it needs Go ${wanted_go}+ and the Go module proxy or a module cache holding the modules of go.sum" >&2
  exit 1
fi
mv -f "${tmp}" "${binary}"
echo "${sources_hash}" > "${stamp}"
echo "${binary}"
