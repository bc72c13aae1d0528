package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Deterministic JSON text of a value: keys sorted, no whitespace. */
public final class Json {
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    /**
     * The value's JSON text with object keys sorted (as Jackson's ORDER_MAP_ENTRIES_BY_KEYS sorts a map),
     * written straight from the tree; scalars other than strings, bools, nulls and ints are written as
     * Jackson writes them once converted to plain Java values, so the text (and every hash of it) is
     * the same as it always was.
     */
    public static String canonical(JsonNode value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = SORTED.getFactory().createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return out.toString();
    }

    /**
     * The hex SHA-256 of the UTF-8 bytes of {@link #canonical}, written straight into the digest
     * (a config hash need not build the text).
     */
    public static String canonicalSha256(JsonNode value) {
        MessageDigest digest = Digests.sha256();
        try (JsonGenerator generator = SORTED.getFactory().createGenerator(new DigestOutputStream(
                OutputStream.nullOutputStream(), digest), JsonEncoding.UTF8)) {
            write(generator, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A copy of the value with every object's keys in sorted order (the order the API server returns
     * a custom resource in, re-encoded from Go maps); arrays keep their order.
     */
    public static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> sorted.set(name, sortedKeys(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> array.add(sortedKeys(element)));
            return array;
        }
        return node;
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            generator.writeNull();
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            generator.writeNumber(node.longValue());
        } else {
            generator.writeRawValue(SORTED.writeValueAsString(SORTED.treeToValue(node, Object.class)));
        }
    }

    public static JsonNode parse(String text) {
        try {
            return SORTED.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TransformException("not valid JSON: " + e.getOriginalMessage());
        }
    }
}
