package ai.vllm.semanticrouter.engine.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compiled expressions are shared by text; a text that does not compile is never remembered; the
 * direct evaluation agrees with CEL wherever it answers, on the product's conditions and edge shapes
 * over random trees (missing keys, JSON nulls, mixed types, doubles, empty strings and lists).
 */
class CelExpressionTest {
    private static final Path PRODUCT_COMPOSITIONS = Path.of("../compositions/src/main/resources/semanticrouter/compositions");
    private static final List<String> EDGE_SHAPES = List.of(
            "composite.spec.a == 1", "composite.spec.a == 'x'", "composite.spec.a != true", "composite.spec.a == composite.spec.b",
            "size(composite.spec.a) > 0", "composite.spec.a.size() >= 2", "!composite.spec.a", "composite.spec.a < 3",
            "composite.spec.a <= composite.spec.b", "composite.spec.a || composite.spec.b", "composite.spec.a && !composite.spec.b",
            "has(composite.spec.a.b)", "has(composite.spec.a) && composite.spec.a.b == 1", "composite.spec.a > 1",
            "!(has(composite.spec.a) && composite.spec.a != '')", "has(environment.endpoints) && size(environment.endpoints) > 0",
            "environment.gatewayMode == 'standalone'", "composite.spec.a == 'x' || composite.spec.b == 'x'");
    private static final List<JsonNode> VALUES = values();
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

    @Test
    void directEvaluationAgreesWithCelWhereverItAnswers() throws IOException {
        Random random = new Random(20261125);
        int decided = 0;
        int trials = 0;
        for (String text : conditions()) {
            CelExpression expression = CelExpression.compile(text);
            List<String> paths = paths(text);
            for (int round = 0; round < 400; round++) {
                ObjectNode composite = JsonNodeFactory.instance.objectNode();
                ObjectNode environment = JsonNodeFactory.instance.objectNode();
                for (String path : paths) {
                    if (random.nextInt(4) > 0) {
                        put(path.startsWith("composite.") ? composite : environment,
                                path.substring(path.indexOf('.') + 1), VALUES.get(random.nextInt(VALUES.size())));
                    }
                }
                String cel = celOutcome(expression, composite, environment);
                Boolean direct = expression.testDirectly(name -> name.equals("composite") ? composite
                        : name.equals("environment") ? environment : null);
                trials++;
                if (direct != null) {
                    decided++;
                    assertThat(String.valueOf(direct)).as("%s on composite %s, environment %s", text, composite, environment)
                            .isEqualTo(cel);
                }
            }
        }
        System.out.printf("[cel] direct evaluation decided %d of %d random cases%n", decided, trials);
        assertThat(decided).as("the direct path decides a good share even of adversarial trees").isGreaterThan(trials / 5);
    }

    private static String celOutcome(CelExpression expression, JsonNode composite, JsonNode environment) {
        try {
            return String.valueOf(expression.test(Map.of("composite", composite, "environment", environment)));
        } catch (IllegalStateException e) {
            return "error";
        }
    }

    /** The product's condition texts (when the compositions module is beside this one) and the edge shapes. */
    private static Set<String> conditions() throws IOException {
        Set<String> texts = new LinkedHashSet<>(EDGE_SHAPES);
        if (Files.isDirectory(PRODUCT_COMPOSITIONS)) {
            ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
            try (Stream<Path> files = Files.list(PRODUCT_COMPOSITIONS)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    for (JsonNode document : yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll()) {
                        document.findValues("condition").stream().filter(JsonNode::isTextual)
                                .forEach(condition -> texts.add(condition.asText()));
                    }
                }
            }
        }
        return texts;
    }

    /** Every field path the text reads (has() arguments and selections), longest first. */
    private static List<String> paths(String text) {
        Set<String> paths = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("(composite|environment)(\\.[A-Za-z_][A-Za-z0-9_]*)+").matcher(text);
        while (matcher.find()) {
            String path = matcher.group().replaceAll("\\.size$", "");
            paths.add(path);
            for (int dot = path.lastIndexOf('.'); dot > path.indexOf('.'); dot = path.lastIndexOf('.', dot - 1)) {
                paths.add(path.substring(0, dot));
            }
        }
        List<String> ordered = new ArrayList<>(paths);
        ordered.sort((a, b) -> Integer.compare(a.length(), b.length()));
        return ordered;
    }

    /** Sets the value at the dotted path, making objects on the way (a scalar on the way is replaced). */
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = parent.get(keys[i]);
            parent = child != null && child.isObject() ? (ObjectNode) child : parent.putObject(keys[i]);
        }
        parent.set(keys[keys.length - 1], value.deepCopy());
    }

    private static List<JsonNode> values() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode withB = json.objectNode();
        withB.put("b", 1);
        ObjectNode withNullB = json.objectNode();
        withNullB.putNull("b");
        return List.of(json.nullNode(), json.booleanNode(true), json.booleanNode(false), json.numberNode(0),
                json.numberNode(1), json.numberNode(2), json.numberNode(-1), json.numberNode(1.5), json.textNode(""),
                json.textNode("x"), json.textNode("standalone"), json.textNode("openshift"), json.arrayNode(),
                json.arrayNode().add(1), json.objectNode(), withB, withNullB);
    }
}
