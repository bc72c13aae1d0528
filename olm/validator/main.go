// Command olm-bundle-validator runs the operator-framework bundle validators on a bundle
// directory, like `operator-sdk bundle validate <dir> --select-optional suite=operatorframework`,
// without needing operator-sdk. It prints every result and exits 1 when any validator reports
// an error (warnings are printed but do not fail). With -catalog it validates a file-based
// catalog instead, with the code of `opm validate`.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	apimanifests "github.com/operator-framework/api/pkg/manifests"
	apivalidation "github.com/operator-framework/api/pkg/validation"
	apierrors "github.com/operator-framework/api/pkg/validation/errors"
	interfaces "github.com/operator-framework/api/pkg/validation/interfaces"
)

func main() {
	k8sVersion := flag.String("k8s-version", "1.34",
		"Kubernetes version the bundle must work on (deprecated-API and good-practice checks)")
	catalog := flag.Bool("catalog", false, "the directory is a file-based catalog: validate it like `opm validate`")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [-k8s-version X.Y] <bundle-dir>\n       %s -catalog <catalog-dir>\n", os.Args[0], os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if *catalog {
		os.Exit(runCatalog(flag.Arg(0)))
	}
	os.Exit(run(flag.Arg(0), *k8sVersion))
}

func run(dir, k8sVersion string) int {
	bundle, err := apimanifests.GetBundleFromDir(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ERROR cannot load bundle %s: %v\n", dir, err)
		return 1
	}
	objects := append(bundle.ObjectsToValidate(), map[string]string{"k8s-version": k8sVersion})
	results := validators().Validate(objects...)

	errorCount, warningCount := 0, 0
	for _, result := range results {
		for _, e := range sorted(result.Errors) {
			errorCount++
			fmt.Printf("ERROR   [%s] %s\n", result.Name, e.Error())
		}
		for _, w := range sorted(result.Warnings) {
			warningCount++
			fmt.Printf("WARNING [%s] %s\n", result.Name, w.Error())
		}
	}
	fmt.Printf("bundle %s (%s): %d validators, %d errors, %d warnings\n",
		dir, bundle.Name, len(validators()), errorCount, warningCount)
	if errorCount > 0 {
		return 1
	}
	return 0
}

// validators: the default bundle validators plus operator-sdk's optional suite=operatorframework.
func validators() interfaces.Validators {
	return apivalidation.DefaultBundleValidators.WithValidators(
		apivalidation.OperatorHubV2Validator,
		apivalidation.StandardCapabilitiesValidator,
		apivalidation.StandardCategoriesValidator,
		apivalidation.AlphaDeprecatedAPIsValidator,
		apivalidation.GoodPracticesValidator,
	)
}

func sorted(list []apierrors.Error) []apierrors.Error {
	out := append([]apierrors.Error(nil), list...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Error() < out[j].Error() })
	return out
}
