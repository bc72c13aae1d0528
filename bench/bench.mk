# Benchmarks (issue 9): not part of the test command. `make bench` runs both suites and updates
# bench/README.md and bench/results/<date>-*.json.
BENCH_ARGS ?=

.PHONY: bench bench-engine bench-operator

bench: bench-engine bench-operator ## Engine (JMH) and operator (real API server) benchmarks

bench-engine: ## JMH: render of each sample, load+validate, field paths, YAML serialisation (-prof gc)
	$(MVN) -q -DskipTests install
	$(MVN) -pl engine test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
	  "-Dexec.args=-cp %classpath ai.vllm.semanticrouter.engine.bench.EngineBenchmarks $(BENCH_ARGS)"

bench-operator: ## Operator on a real API server: latency, scale (500 CRs), idle writes, heap per CR, start-up
	$(MVN) -q -DskipTests install
	$(MVN) -pl test-envtest test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
	  "-Dexec.args=-Xmx2g -Dbench.out=$(CURDIR)/bench $(BENCH_ARGS) -cp %classpath ai.vllm.semanticrouter.it.bench.OperatorBenchmark"
