# Install, image and OLM targets, named as in the original operator's documentation.
# Included by the root Makefile (`include olm/olm.mk`); run from the repository root.
# Everything here applies files generated under olm/generated/ (`make manifests` rewrites them).

MVN ?= mvn -B -ntp
IMG ?= ghcr.io/vllm-project/semantic-router-operator:latest
BASE_IMG ?= eclipse-temurin:25-jre
BUNDLE_IMG ?= ghcr.io/vllm-project/semantic-router-operator-bundle:0.1.0
CATALOG_IMG ?= ghcr.io/vllm-project/semantic-router-operator-catalog:0.1.0
CONTAINER_TOOL ?= docker
KUBECTL ?= kubectl
OC ?= $(shell command -v oc 2>/dev/null || echo $(KUBECTL))
K8S_VERSION ?= 1.34

OLM_GENERATED := olm/generated
OLM_TMP := olm/generated-tmp
OLM_NAMESPACE := semantic-router-operator-system
# The images olm/generated names; bundle-build and catalog-build swap in IMG and BUNDLE_IMG.
OLM_GENERATED_IMG = $(shell sed -nE 's/^ *containerImage: *//p' $(OLM_GENERATED)/bundle/manifests/semantic-router-operator.clusterserviceversion.yaml)
OLM_GENERATED_BUNDLE_IMG = $(shell sed -nE 's/^image: *//p' $(OLM_GENERATED)/catalog/semantic-router-operator/catalog.yaml | head -1)
OLM_JIB := $(MVN) -pl operator -am -Pimage -DskipTests package -Doperator.image=$(IMG) -Doperator.base.image=$(BASE_IMG)

.PHONY: manifests install uninstall deploy undeploy deploy-monitoring undeploy-monitoring image image-push image-docker \
        bundle bundle-validate bundle-build bundle-push catalog catalog-validate catalog-build catalog-push \
        openshift-deploy openshift-undeploy

##@ Install (kustomize)

manifests: ## Regenerate olm/generated (install manifests, bundle, catalog) from the compositions
	$(MVN) -pl olm -am process-classes -Dolm.generate=true

install: ## Install the SemanticRouter CRD into the current cluster
	$(KUBECTL) apply --server-side --force-conflicts -k $(OLM_GENERATED)/config/crd

uninstall: ## Remove the CRD (and with it every SemanticRouter!)
	$(KUBECTL) delete --ignore-not-found -k $(OLM_GENERATED)/config/crd

deploy: ## Deploy the CRD, RBAC and operator: make deploy IMG=registry/semantic-router-operator:tag
	olm/scripts/deploy-overlay.sh "$(IMG)" $(OLM_TMP)/deploy >/dev/null
	$(KUBECTL) apply --server-side --force-conflicts -k $(OLM_TMP)/deploy
	@echo "Check: $(KUBECTL) get pods -n $(OLM_NAMESPACE)"

undeploy: ## Remove everything deploy created (the CRD too, so every SemanticRouter)
	$(KUBECTL) delete --ignore-not-found -k $(OLM_GENERATED)/config/default

deploy-monitoring: ## The operator's ServiceMonitor, PrometheusRule and Grafana dashboard (needs the prometheus-operator's CRDs)
	$(KUBECTL) apply --server-side --force-conflicts -k $(OLM_GENERATED)/config/prometheus

undeploy-monitoring: ## Remove the operator's ServiceMonitor, PrometheusRule and Grafana dashboard
	$(KUBECTL) delete --ignore-not-found -k $(OLM_GENERATED)/config/prometheus

##@ Operator image (Jib: no Dockerfile, no Docker daemon)

image: ## Build the operator image as operator/target/jib-image.tar: make image IMG=...
	$(OLM_JIB)
	@echo "Image $(IMG) written to operator/target/jib-image.tar (load it: $(CONTAINER_TOOL) load -i operator/target/jib-image.tar)"

image-docker: ## Build the operator image into the local Docker daemon
	$(OLM_JIB) -Dimage.tar.skip=true -Dimage.docker.skip=false

image-push: ## Build and push the operator image to its registry (needs a registry login)
	$(OLM_JIB) -Dimage.tar.skip=true -Dimage.push.skip=false

##@ OLM (OpenShift)

bundle: manifests bundle-validate ## Regenerate the OLM bundle and validate it (operator-framework validators)

bundle-validate: ## Validate olm/generated/bundle with the operator-framework validators (needs go)
	"$$(olm/validator/build.sh)" -k8s-version $(K8S_VERSION) $(OLM_GENERATED)/bundle

bundle-build: ## Build the bundle image running IMG: make bundle-build IMG=... BUNDLE_IMG=...
	rm -rf $(OLM_TMP)/bundle && mkdir -p $(OLM_TMP) && cp -r $(OLM_GENERATED)/bundle $(OLM_TMP)/bundle
	sed -i 's|$(OLM_GENERATED_IMG)|$(IMG)|g' $(OLM_TMP)/bundle/manifests/semantic-router-operator.clusterserviceversion.yaml
	$(CONTAINER_TOOL) build -f $(OLM_TMP)/bundle/bundle.Dockerfile -t $(BUNDLE_IMG) $(OLM_TMP)/bundle

bundle-push: ## Push the bundle image
	$(CONTAINER_TOOL) push $(BUNDLE_IMG)

catalog: catalog-validate catalog-build ## Validate the file-based catalog (as opm validate) and build its image

catalog-validate: ## Validate olm/generated/catalog with operator-registry's FBC validation (needs go)
	"$$(olm/validator/build.sh)" -catalog $(OLM_GENERATED)/catalog/semantic-router-operator

catalog-build: ## Build the catalog image serving BUNDLE_IMG: make catalog-build BUNDLE_IMG=... CATALOG_IMG=...
	rm -rf $(OLM_TMP)/catalog && mkdir -p $(OLM_TMP) && cp -r $(OLM_GENERATED)/catalog $(OLM_TMP)/catalog
	sed -i 's|$(OLM_GENERATED_BUNDLE_IMG)|$(BUNDLE_IMG)|g; s|$(OLM_GENERATED_IMG)|$(IMG)|g' $(OLM_TMP)/catalog/semantic-router-operator/catalog.yaml
	$(CONTAINER_TOOL) build -f $(OLM_TMP)/catalog/catalog.Dockerfile -t $(CATALOG_IMG) $(OLM_TMP)/catalog

catalog-push: ## Push the catalog image
	$(CONTAINER_TOOL) push $(CATALOG_IMG)

openshift-deploy: ## Install through OLM: CatalogSource (CATALOG_IMG), OperatorGroup, Subscription
	mkdir -p $(OLM_TMP)/openshift
	sed 's|image: .*|image: $(CATALOG_IMG)|' $(OLM_GENERATED)/openshift/02-catalogsource.yaml > $(OLM_TMP)/openshift/02-catalogsource.yaml
	$(OC) apply -f $(OLM_GENERATED)/openshift/01-namespace.yaml
	$(OC) apply -f $(OLM_TMP)/openshift/02-catalogsource.yaml
	$(OC) apply -f $(OLM_GENERATED)/openshift/03-operatorgroup.yaml
	$(OC) apply -f $(OLM_GENERATED)/openshift/04-subscription.yaml
	@echo "Watch the install: $(OC) get csv,pods -n $(OLM_NAMESPACE)"

openshift-undeploy: ## Remove the OLM install (Subscription, CSV, OperatorGroup, CatalogSource, namespace)
	-$(OC) delete --ignore-not-found -f $(OLM_GENERATED)/openshift/04-subscription.yaml
	-$(OC) delete --ignore-not-found -n $(OLM_NAMESPACE) csv -l operators.coreos.com/semantic-router-operator.$(OLM_NAMESPACE)
	-$(OC) delete --ignore-not-found -f $(OLM_GENERATED)/openshift/03-operatorgroup.yaml
	-$(OC) delete --ignore-not-found -f $(OLM_GENERATED)/openshift/02-catalogsource.yaml
	-$(OC) delete --ignore-not-found -f $(OLM_GENERATED)/openshift/01-namespace.yaml
