#!/usr/bin/env bash
# Builds the kstatus tool (sigs.k8s.io/cli-utils/pkg/kstatus, pinned in go.mod: the library kpt,
# Flux and other kstatus-based health checks read status with) with scripts/build-go-tool.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${here}/../../../scripts/build-go-tool.sh" "${here}" kstatus "kstatus tool" sigs.k8s.io/cli-utils "about 2 minutes on 2 cores"
