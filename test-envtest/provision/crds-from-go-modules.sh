#!/usr/bin/env bash
# Sourced by the scripts that take CRDs from Go modules (monitoring-crds.sh, gateway-crds.sh): one home
# for the download, the completeness check and the all-or-nothing copy.
#
# take_crds <label> <target folder> <module@version|path in the module|file name> ...
#   Copies each file into the target folder, unless every one is already there. The module is read
#   with `go mod download` (the Go module proxy, or a module cache holding that version). Progress on
#   stderr; prints the folder on stdout. A missing `go`, a module that cannot be had or a file missing
#   from its module stops with a message naming it.

take_crds() {
  local label="$1" target="$2"
  shift 2
  local entry complete=true
  for entry in "$@"; do
    [[ -s "${target}/${entry##*|}" ]] || complete=false
  done
  if ${complete}; then
    crd_log "${label} CRDs already in ${target}"
    echo "${target}"
    return
  fi
  command -v go >/dev/null 2>&1 \
    || crd_fail "'go' is not on PATH; install Go to download the Go modules that hold the ${label} CRDs"
  local staging="${target}.tmp.$$" module path name source_file
  declare -A dirs=()
  mkdir -p "${staging}"
  for entry in "$@"; do
    IFS='|' read -r module path name <<<"${entry}"
    [[ -n "${dirs[${module}]:-}" ]] || dirs[${module}]="$(crd_module_dir "${module}")"
    source_file="${dirs[${module}]}/${path}"
    [[ -s "${source_file}" ]] || crd_fail "${path} is missing from ${module}"
    cp "${source_file}" "${staging}/${name}"
    chmod u+w "${staging}/${name}"
    crd_log "took ${name} from ${module}"
  done
  rm -rf "${target}"
  mv "${staging}" "${target}"
  crd_log "${label} CRDs in ${target}"
  echo "${target}"
}

crd_module_dir() {
  local info dir
  crd_log "downloading $1 from the Go module proxy (its CRDs only are used)"
  if ! info="$(cd "${TMPDIR:-/tmp}" && go mod download -json "$1")"; then
    crd_fail "go mod download $1 failed (see above); it needs the Go module proxy or a module cache holding that version"
  fi
  dir="$(printf '%s\n' "${info}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "${dir}" && -d "${dir}" ]] || crd_fail "go mod download $1 reported no module folder: ${info}"
  echo "${dir}"
}

crd_log() { echo "[${CRD_SCRIPT}] $(date +%H:%M:%S) $*" >&2; }
crd_fail() { echo "test-envtest/provision/${CRD_SCRIPT}.sh: $*" >&2; exit 1; }
