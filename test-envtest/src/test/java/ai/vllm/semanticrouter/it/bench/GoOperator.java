package ai.vllm.semanticrouter.it.bench;

/**
 * The upstream Go operator's figures, quoted from issue 26 (500 SemanticRouters created at once in 10
 * namespaces, the same harness as {@link ProcessFootprint}), not measured here: the report's reference
 * column. Each is the cell's text, in the unit of the row it stands beside.
 */
final class GoOperator {
    static final String TITLE = "Go operator (issue 26)";

    static final String START_TO_FIRST_RECONCILE = "260 ms";
    static final String CPU_FIRST_10_S = "0.08 s";
    static final String RSS_STARTED = "44 MiB";
    static final String CONVERGENCE_500_CRS = "25.8 s";
    static final String CPU_PER_CR_FIRST_CONVERGENCE = "12.1 ms";
    static final String RSS_AFTER_500_CRS_IDLE = "87 MiB";
    static final String OBJECT_WRITES_PER_CR = "5";
    /** Its status writes per CR, and its one metadata write beside them. */
    static final String STATUS_WRITES_PER_CR = "2 (+1 metadata)";
    static final String IDLE_WRITES = "0";
    static final String CPU_PER_CR_REPLICAS_UPDATE = "4.3 ms";
    static final String CPU_PER_CR_CONFIG_UPDATE = "5.6 ms";

    private GoOperator() {
    }
}
