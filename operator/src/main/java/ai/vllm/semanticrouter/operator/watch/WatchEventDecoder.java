package ai.vllm.semanticrouter.operator.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits a watch response body, one JSON event per line ({@code {"type":"ADDED","object":{...}}}),
 * as its bytes arrive, and decodes each line straight into a tree: the event's object is the
 * cache's tree, with no typed model and no second conversion in between.
 */
final class WatchEventDecoder {
    /** A decoded watch event: its type ({@code ADDED}, {@code MODIFIED}, {@code DELETED}, {@code BOOKMARK}, {@code ERROR}) and object. */
    record WatchEvent(String type, ObjectNode object) {
    }

    /** Receives each decoded event, in order. */
    @FunctionalInterface
    interface Sink {
        void accept(WatchEvent event) throws IOException;
    }

    private final ObjectMapper mapper;
    private byte[] line = new byte[16 * 1024];
    private int length;

    WatchEventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Feeds the next bytes of the body; every line they complete is decoded and handed to the sink. */
    void feed(ByteBuffer bytes, Sink sink) throws IOException {
        while (bytes.hasRemaining()) {
            int newline = indexOfNewline(bytes);
            int chunk = (newline < 0 ? bytes.limit() : newline) - bytes.position();
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            bytes.get(line, length, chunk);
            length += chunk;
            if (newline >= 0) {
                bytes.get();
                if (length > 0) {
                    sink.accept(decode());
                }
                length = 0;
            }
        }
    }

    private static int indexOfNewline(ByteBuffer bytes) {
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private WatchEvent decode() throws IOException {
        JsonNode event = mapper.readTree(line, 0, length);
        JsonNode object = event.path("object");
        if (!(object instanceof ObjectNode tree)) {
            throw new IOException("a watch event without an object: " + new String(line, 0, Math.min(length, 200),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return new WatchEvent(event.path("type").asText(), tree);
    }
}
