package main

import (
	"context"
	"fmt"
	"os"

	"github.com/operator-framework/operator-registry/alpha/declcfg"
)

// runCatalog loads a file-based catalog and validates it as `opm validate` does: every blob
// parses, and the package/channel/bundle model is consistent (default channel exists, channel
// entries name bundles of the package, bundles carry olm.package, ...).
func runCatalog(dir string) int {
	cfg, err := declcfg.LoadFS(context.Background(), os.DirFS(dir))
	if err != nil {
		fmt.Printf("ERROR   [catalog] cannot load %s: %v\n", dir, err)
		return 1
	}
	model, err := declcfg.ConvertToModel(*cfg)
	if err != nil {
		fmt.Printf("ERROR   [catalog] %v\n", err)
		return 1
	}
	if err := model.Validate(); err != nil {
		fmt.Printf("ERROR   [catalog] %v\n", err)
		return 1
	}
	fmt.Printf("catalog %s: %d packages, %d bundles, 0 errors\n", dir, len(cfg.Packages), len(cfg.Bundles))
	return 0
}
