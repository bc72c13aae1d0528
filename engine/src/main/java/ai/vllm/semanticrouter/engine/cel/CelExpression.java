package ai.vllm.semanticrouter.engine.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A CEL expression compiled once at load time (the language Kubernetes uses for validation rules),
 * evaluated against JSON values bound to variable names such as {@code composite} and {@code environment}.
 */
public final class CelExpression {
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("composite", SimpleType.DYN)
            .addVar("environment", SimpleType.DYN)
            .addVar("observed", SimpleType.DYN)
            .addVar("self", SimpleType.DYN)
            .build();

    /** Distinct texts kept compiled; beyond it (generated expressions?) each compile is fresh. */
    private static final int COMPILED_LIMIT = 4096;
    private static final ConcurrentMap<String, CelExpression> COMPILED = new ConcurrentHashMap<>();

    private final String source;
    private final CelAbstractSyntaxTree ast;
    private final CelRuntime.Program program;
    private final DirectCondition direct;

    private CelExpression(String source, CelAbstractSyntaxTree ast, CelRuntime.Program program, DirectCondition direct) {
        this.source = source;
        this.ast = ast;
        this.program = program;
        this.direct = direct;
    }

    /**
     * Compiles; throws {@link CelCompileException} with CEL's own message when the text is not valid CEL.
     * Compiled expressions are immutable and shared by text: the same condition in several templates,
     * a reload of unchanged files or a second operator in the same JVM compiles it once (on a cold JVM
     * each CEL type check costs milliseconds).
     */
    public static CelExpression compile(String source) {
        CelExpression known = COMPILED.get(source);
        if (known != null) {
            return known;
        }
        CelExpression compiled = compileNow(source);
        if (COMPILED.size() < COMPILED_LIMIT) {
            COMPILED.putIfAbsent(source, compiled);
        }
        return compiled;
    }

    /** Drops the shared compiled expressions, so that the next compiles do the work (for benchmarks). */
    public static void forgetCompiled() {
        COMPILED.clear();
    }

    private static CelExpression compileNow(String source) {
        try {
            CelAbstractSyntaxTree ast = CEL.compile(source).getAst();
            return new CelExpression(source, ast, CEL.createProgram(ast), DirectCondition.of(ast.getExpr()));
        } catch (CelValidationException e) {
            throw new CelCompileException(e.getMessage());
        } catch (dev.cel.common.CelException e) {
            throw new CelCompileException(e.getMessage());
        }
    }

    /** Evaluates with the given variables (JSON values; absent ones are not bound). */
    public Object evaluate(Map<String, JsonNode> variables) {
        Map<String, Object> bound = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                bound.put(name, CelValues.of(value));
            }
        });
        try {
            return program.eval(bound);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL '" + source + "' failed: " + e.getMessage(), e);
        }
    }

    /** Evaluates an expression that must give a bool. */
    public boolean test(Map<String, JsonNode> variables) {
        return bool(evaluate(variables));
    }

    /**
     * The bool result computed directly on the JSON trees when the expression's shape and the values
     * allow it ({@link DirectCondition}); null when CEL itself must evaluate.
     *
     * @param variables a variable's JSON tree by name (null when unbound)
     */
    Boolean testDirectly(Function<String, JsonNode> variables) {
        return direct == null ? null : direct.test(variables);
    }

    /** Evaluates with variables already converted by {@link CelBindings}; must give a bool. */
    public boolean testBound(Map<String, Object> bound) {
        try {
            return bool(program.eval(bound));
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL '" + source + "' failed: " + e.getMessage(), e);
        }
    }

    private boolean bool(Object result) {
        if (result instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalStateException("CEL '" + source + "' gave " + describe(result) + ", not a bool");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof List<?> ? "a list" : value instanceof Map<?, ?> ? "a map"
                : value.getClass().getSimpleName() + " " + value;
    }

    public String source() {
        return source;
    }

    /**
     * The fields of {@code variable} this expression reads or tests, for load-time checks against a
     * schema (e.g. every {@code composite.spec...} of a condition).
     */
    public List<CelReference> references(String variable) {
        return CelReferences.of(ast, variable);
    }

    /** A CEL text that does not compile. */
    public static final class CelCompileException extends IllegalArgumentException {
        public CelCompileException(String message) {
            super(message);
        }
    }
}
