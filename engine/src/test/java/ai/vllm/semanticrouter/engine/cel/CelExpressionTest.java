package ai.vllm.semanticrouter.engine.cel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiled expressions are shared by text; a text that does not compile is never remembered. */
class CelExpressionTest {
    private static final String ENABLED = "has(composite.spec.ingress) && composite.spec.ingress.enabled";

    @Test
    void theSameTextCompilesOnceAndEvaluatesAlike() {
        CelExpression first = CelExpression.compile(ENABLED);
        CelExpression second = CelExpression.compile(ENABLED);

        assertThat(second).isSameAs(first);
        ObjectNode composite = JsonNodeFactory.instance.objectNode();
        composite.putObject("spec").putObject("ingress").put("enabled", true);
        assertThat(second.test(Map.of("composite", composite))).isTrue();
    }

    @Test
    void forgettingCompiledExpressionsCompilesAgain() {
        CelExpression before = CelExpression.compile(ENABLED + " || false");

        CelExpression.forgetCompiled();

        assertThat(CelExpression.compile(ENABLED + " || false")).isNotSameAs(before);
    }

    @Test
    void aTextThatDoesNotCompileFailsEveryTime() {
        String broken = "composite.spec.(";

        assertThatThrownBy(() -> CelExpression.compile(broken)).isInstanceOf(CelExpression.CelCompileException.class);
        assertThatThrownBy(() -> CelExpression.compile(broken)).isInstanceOf(CelExpression.CelCompileException.class);
    }
}
