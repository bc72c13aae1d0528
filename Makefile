# Front door. Targets named as in the original operator's documentation.
# Everything runs through Maven (Java 17, Maven 3.8); Go is used only to build test binaries.
MVN ?= mvn -B -ntp
IMG ?= ghcr.io/vllm-project/semantic-router-operator:latest

.PHONY: help build test unit-test local run render bench clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-20s %s\n", $$1, $$2}'

build: ## Compile every module and package the operator (no tests)
	$(MVN) -DskipTests install

test: ## Every test: unit tests, then the integration suite on a real API server (the README's test command)
	$(MVN) verify

unit-test: ## Unit tests only (seconds)
	$(MVN) test

local: ## The main job: a real API server on this machine, the operator, a sample (Ctrl-C to stop)
	$(MVN) -q -DskipTests install
	bin/semantic-router-operator local $(ARGS)

run: ## Run the operator against the current kubeconfig
	$(MVN) -q -DskipTests install
	bin/semantic-router-operator run $(ARGS)

render: ## Render a CR offline: make render CR=path/to/cr.yaml [ARGS="--platform openshift"]
	$(MVN) -q -DskipTests install
	bin/semantic-router-operator render -f $(CR) $(ARGS)

clean: ## Remove build output
	$(MVN) -q clean

-include olm/olm.mk
-include bench/bench.mk
