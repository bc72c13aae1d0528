package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The case tables: every transform, patch type, policy and load-time check, with error cases. */
class EngineCasesTest {
    private static final CompositionLoader LOADER = CompositionLoader.create();
    private static final CompositionLoader FOR_THING = CompositionLoader.create().forComposite(CaseFiles.thing());

    static Stream<Arguments> transformCases() {
        return CaseFiles.cases("transforms.yaml");
    }

    static Stream<Arguments> patchCases() {
        return CaseFiles.cases("patches.yaml");
    }

    static Stream<Arguments> loadErrorCases() {
        return CaseFiles.cases("load-errors.yaml");
    }

    static Stream<Arguments> compositeSchemaCases() {
        return CaseFiles.cases("composite-schema.yaml");
    }

    @ParameterizedTest(name = "transform: {0}")
    @MethodSource("transformCases")
    void transform(String name, JsonNode testCase) {
        ObjectNode asPatch = JsonNodeFactory.instance.objectNode();
        asPatch.putObject("composite").set("value", testCase.get("input"));
        asPatch.putArray("patches").addObject().put("fromFieldPath", "value").put("toFieldPath", "out")
                .set("transforms", testCase.get("transforms"));
        if (testCase.has("expect")) {
            asPatch.putObject("expect").set("out", testCase.get("expect"));
        }
        if (testCase.has("error")) {
            asPatch.set("error", testCase.get("error"));
        }
        patch(name, asPatch);
    }

    @ParameterizedTest(name = "patch: {0}")
    @MethodSource("patchCases")
    void patch(String name, JsonNode testCase) {
        LoadResult loaded = LOADER.load(List.of(new CompositionSource(name, CaseFiles.composition(testCase))));
        assertThat(loaded.errors()).as("load errors").isEmpty();
        RenderResult result = Renderer.create().render(loaded.set(), testCase.path("composite"),
                testCase.path("environment"), CaseFiles.observed(testCase));

        Optional<RenderedResource> rendered = result.resources().stream().filter(r -> r.name().equals("t")).findFirst();
        if (testCase.has("error")) {
            assertThat(result.errors()).singleElement().satisfies(error -> {
                assertThat(error.format()).contains(testCase.get("error").asText());
                assertThat(error.resourceName()).isEqualTo("t");
            });
            assertThat(rendered).isEmpty();
        } else if (testCase.path("absent").asBoolean(false)) {
            assertThat(result.errors()).isEmpty();
            assertThat(rendered).isEmpty();
        } else {
            assertThat(result.errors()).isEmpty();
            assertThat(CaseFiles.withoutKind(rendered.orElseThrow().object()).equals(JsonValues.NUMERIC, testCase.get("expect")))
                    .as("rendered %s, expected %s", rendered.get().object(), testCase.get("expect")).isTrue();
        }
        if (testCase.has("expectStatus")) {
            assertThat(result.compositeStatusPatch().equals(JsonValues.NUMERIC, testCase.get("expectStatus")))
                    .as("status %s", result.compositeStatusPatch()).isTrue();
        }
    }

    @ParameterizedTest(name = "load error: {0}")
    @MethodSource("loadErrorCases")
    void loadError(String name, JsonNode testCase) {
        LoadResult loaded = LOADER.load(List.of(new CompositionSource("case.yaml", testCase.get("file").asText())));

        List<String> formatted = loaded.errors().stream().map(LoadError::format).toList();
        assertThat(loaded.set().compositions()).as("a broken file is left out").isEmpty();
        assertThat(formatted).as("every error at once").hasSize(testCase.get("errors").size());
        for (int i = 0; i < formatted.size(); i++) {
            assertThat(formatted.get(i)).startsWith("case.yaml:").contains(testCase.get("errors").get(i).asText());
        }
    }

    @ParameterizedTest(name = "composite schema: {0}")
    @MethodSource("compositeSchemaCases")
    void compositeSchema(String name, JsonNode testCase) {
        LoadResult loaded = FOR_THING.load(List.of(new CompositionSource("case.yaml", testCase.get("file").asText())));

        List<String> formatted = loaded.errors().stream().map(LoadError::format).toList();
        assertThat(formatted).as("every error at once").hasSize(testCase.get("errors").size());
        for (int i = 0; i < formatted.size(); i++) {
            assertThat(formatted.get(i)).startsWith("case.yaml:").contains(testCase.get("errors").get(i).asText());
        }
        assertThat(loaded.set().compositions()).as("a file with errors is left out, one without loads")
                .hasSize(formatted.isEmpty() ? 1 : 0);
    }
}
