#!/usr/bin/env bash
# Builds the Envoy bootstrap validator (Envoy's API from go-control-plane, pinned in go.mod to the
# sidecar's Envoy version) with scripts/build-go-tool.sh; prints the binary's path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${here}/../../../scripts/build-go-tool.sh" "${here}" envoy-bootstrap-validator "Envoy bootstrap validator" github.com/envoyproxy/go-control-plane/envoy 
