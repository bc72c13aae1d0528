package ai.vllm.semanticrouter.engine.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Text of a structured value for {@code serialize:}: YAML, indented JSON or compact JSON, deterministic. */
public final class Serializer {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Serializer() {
    }

    /** {@code format} is yaml, json or json-compact (checked at load time). */
    public static String text(JsonNode value, String format) {
        try {
            return switch (format) {
                case "yaml" -> yaml(value);
                case "json" -> PRETTY.writeValueAsString(value);
                default -> JSON.writeValueAsString(value);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise as " + format, e);
        }
    }

    private static String yaml(JsonNode value) throws JsonProcessingException {
        String fast = BlockYaml.write(value);
        return fast != null ? fast : YAML.writeValueAsString(value);
    }

    public static boolean knownFormat(String format) {
        return format.equals("yaml") || format.equals("json") || format.equals("json-compact");
    }
}
