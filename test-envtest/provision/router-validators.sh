#!/usr/bin/env bash
# Makes the router project's own config validators exist: one Python venv per pinned vllm-sr CLI
# (PyPI), in ~/.cache/semantic-router-operator/vllm-sr-<version>/, used by the payload tests
# (RouterConfigValidator): vllm-sr 0.3.0 (`vllm-sr validate`, router v0.3 tags) and vllm-sr 0.4.0
# (`vllm-sr config validate`, v0.4 and newer).
#
# Every package is pinned in vllm-sr-<version>.txt and installed with --no-deps, so nothing floats;
# `pip check` proves the pin file complete. Idempotent: a venv is rebuilt only when its pin file,
# vllm-sr-session.py or the Python version changed. Progress on stderr; prints the venv folders on
# stdout. Needs python3 with the venv module (Debian: python3-venv) and PyPI (or pip's find-links).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${SEMANTIC_ROUTER_OPERATOR_CACHE:-${HOME}/.cache/semantic-router-operator}"
python="${PYTHON:-python3}"
versions=(0.3.0 0.4.0)
log() { echo "[router-validators] $(date +%H:%M:%S) $*" >&2; }
fail() { echo "test-envtest/provision/router-validators.sh: $*" >&2; exit 1; }

command -v "${python}" >/dev/null 2>&1 \
  || fail "'${python}' is not on PATH; install Python 3.9+ (the router's vllm-sr CLI is a Python package)"
"${python}" -c 'import venv, ensurepip' 2>/dev/null \
  || fail "'${python}' has no working venv module (ensurepip missing); install it, e.g. apt-get install python3-venv"
python_version="$("${python}" -c 'import sys; print(sys.version)')"

mkdir -p "${cache}"
exec 9>"${cache}/vllm-sr.lock"
flock 9   # two builds at once must not install into the same venv

provision() {
  local version="$1"
  local pins="${here}/vllm-sr-${version}.txt"
  local venv="${cache}/vllm-sr-${version}"
  local stamp="${venv}/.provisioned.sha256"
  [[ -f "${pins}" ]] || fail "pin file ${pins} is missing"
  local wanted
  wanted="$( { cat "${pins}" "${here}/vllm-sr-session.py"; echo "${python_version}"; } | sha256sum | cut -d' ' -f1)"
  if [[ -x "${venv}/bin/vllm-sr" && -f "${stamp}" && "$(cat "${stamp}")" == "${wanted}" ]]; then
    log "vllm-sr ${version} already provisioned in ${venv}"
    echo "${venv}"
    return
  fi
  log "creating ${venv} (vllm-sr ${version}, $(grep -c '==' "${pins}") pinned packages from PyPI, about 80 MB)"
  rm -rf "${venv}"
  "${python}" -m venv "${venv}" || { rm -rf "${venv}"; fail "'${python} -m venv ${venv}' failed"; }
  if ! "${venv}/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "${pins}" >&2; then
    rm -rf "${venv}"
    fail "pip could not install the packages of ${pins}: PyPI (or pip's configured index) is unreachable or lacks a pinned version"
  fi
  if ! "${venv}/bin/python" -m pip check >&2; then
    rm -rf "${venv}"
    fail "${pins} does not pin every dependency of vllm-sr ${version} (pip check above); regenerate it from pip freeze of a working install"
  fi
  install -m 0644 "${here}/vllm-sr-session.py" "${venv}/bin/vllm-sr-session.py"
  "${venv}/bin/vllm-sr" --version >&2 || { rm -rf "${venv}"; fail "the installed vllm-sr ${version} does not start"; }
  echo "${wanted}" > "${stamp}"
  log "vllm-sr ${version} ready in ${venv}"
  echo "${venv}"
}

for version in "${versions[@]}"; do
  provision "${version}"
done
