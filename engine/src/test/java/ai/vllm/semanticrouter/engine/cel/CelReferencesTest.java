package ai.vllm.semanticrouter.engine.cel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The composite fields a condition reads, as the load-time schema check sees them. */
class CelReferencesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "composite.spec.a.b == 1                                   | composite.spec.a.b",
            "has(composite.spec.a) && !composite.spec.b                | composite.spec.a, composite.spec.b",
            "size(composite.spec.list) > 0                             | composite.spec.list",
            "composite.spec['a-b'].c                                   | composite.spec.a-b.c",
            "composite.spec.list[0].name == 'x'                        | composite.spec.list[0].name",
            "composite.spec.m[environment.key] == 'x'                  | composite.spec.m[*]",
            "composite.spec.list.exists(e, e.model == 'x')             | composite.spec.list, composite.spec.list[*].model",
            "composite.spec.list.all(e, e.paths.exists(p, p.path != '')) | composite.spec.list, composite.spec.list[*].paths, composite.spec.list[*].paths[*].path",
            "environment.list.exists(composite, composite.x)           | ''",
            "environment.gatewayMode == 'standalone'                   | ''",
            "composite == null                                         | composite",
    })
    void referencesOfComposite(String expression, String expected) {
        assertThat(CelExpression.compile(expression).references("composite").stream().map(CelReference::text))
                .containsExactlyElementsOf(expected.isEmpty() ? java.util.List.of() : Arrays.asList(expected.split(", ")));
    }
}
