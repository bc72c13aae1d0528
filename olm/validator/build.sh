#!/usr/bin/env bash
# Builds the OLM bundle validator (operator-framework/api validators, pinned in go.mod) with
# scripts/build-go-tool.sh; prints the binary's path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${here}/../../scripts/build-go-tool.sh" "${here}" olm-bundle-validator "bundle validator" github.com/operator-framework/api 
