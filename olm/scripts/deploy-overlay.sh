#!/usr/bin/env bash
# Writes a throw-away kustomize overlay that deploys olm/generated/config/default with another
# operator image, so `make deploy IMG=...` never edits a tracked file.
#   deploy-overlay.sh <image> <overlay-dir>
set -euo pipefail

image="${1:?usage: deploy-overlay.sh <image> <overlay-dir>}"
overlay="${2:?usage: deploy-overlay.sh <image> <overlay-dir>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="${here}/../generated/config/default"
# The image the generated Deployment names (everything before the tag).
generated_name="$(grep -m1 -E '^\s+image: ' "${here}/../generated/config/manager/manager.yaml" | sed -E 's/^\s+image: //; s/@.*//; s/:[^:/]*$//')"

name="${image}" tag="" digest=""
if [[ "${image}" == *@* ]]; then
  name="${image%%@*}"; digest="${image#*@}"
elif [[ "${image##*/}" == *:* ]]; then
  name="${image%:*}"; tag="${image##*:}"
else
  tag="latest"
fi

mkdir -p "${overlay}"
relative_base="$(realpath --relative-to="${overlay}" "${base}")"
{
  echo "# Written by olm/scripts/deploy-overlay.sh for: make deploy IMG=${image}"
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources:"
  echo "  - ${relative_base}"
  echo "images:"
  echo "  - name: ${generated_name}"
  echo "    newName: ${name}"
  if [[ -n "${digest}" ]]; then echo "    digest: ${digest}"; else echo "    newTag: \"${tag}\""; fi
} > "${overlay}/kustomization.yaml"
echo "${overlay}"
