#!/usr/bin/env bash
# Builds the Prometheus validator (Prometheus' own scrape parsers, rule loader and PromQL parser,
# pinned in go.mod; MetricsIT and InstallManifestsIT run it) with scripts/build-go-tool.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${here}/../../../scripts/build-go-tool.sh" "${here}" prometheus-validator "Prometheus validator" github.com/prometheus/prometheus 
