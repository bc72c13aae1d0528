# Benchmarks (issue 9): not part of the test command. `make bench` runs both suites and updates
# bench/README.md and bench/results/<date>-*.json.
# Nothing is installed in ~/.m2: a reactor build packages the module and the modules it needs (the
# reactor resolves them to their target jars) and writes the module's test classpath to
# target/bench-classpath.txt, then the benchmark runs on that classpath from the module's folder.
BENCH_ARGS ?=
JAVA ?= java
BENCH_CLASSPATH = dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

.PHONY: bench bench-engine bench-operator

bench: bench-engine bench-operator ## Engine (JMH) and operator (real API server) benchmarks

bench-engine: ## JMH: render of each sample, load+validate, field paths, YAML serialisation (-prof gc); BENCH_ARGS are JMH's
	$(MVN) -q -DskipTests -pl engine -am package $(BENCH_CLASSPATH)
	cd engine && $(JAVA) -Dbench.out=$(CURDIR)/bench -cp "target/test-classes:target/classes:$$(cat target/bench-classpath.txt)" \
	  ai.vllm.semanticrouter.engine.bench.EngineBenchmarks $(BENCH_ARGS)

bench-operator: ## Operator on a real API server: latency, scale (500 CRs), idle writes, heap per CR, start-up, process footprint and warm updates; BENCH_ARGS are JVM flags (-Dbench.*)
	$(MVN) -q -DskipTests -pl test-envtest -am package $(BENCH_CLASSPATH)
	cd test-envtest && $(JAVA) -Xmx2g -Dbench.out=$(CURDIR)/bench $(BENCH_ARGS) \
	  -cp "target/test-classes:target/classes:$$(cat target/bench-classpath.txt)" ai.vllm.semanticrouter.it.bench.OperatorBenchmark
