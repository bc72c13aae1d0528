package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.watch.WatchEventDecoder.WatchEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A watch body is split into its events however its bytes arrive. */
class WatchEventDecoderTest {
    private final WatchEventDecoder decoder = new WatchEventDecoder(new ObjectMapper());
    private final List<WatchEvent> events = new ArrayList<>();

    @Test
    void decodesSeveralEventsOfOneBuffer() throws IOException {
        feed("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Service\",\"metadata\":{\"name\":\"a\"}}}\n"
                + "{\"type\":\"DELETED\",\"object\":{\"kind\":\"Service\",\"metadata\":{\"name\":\"b\"}}}\n");

        assertThat(events).extracting(WatchEvent::type).containsExactly("ADDED", "DELETED");
        assertThat(events.get(1).object().path("metadata").path("name").asText()).isEqualTo("b");
    }

    @Test
    void keepsAnEventSplitAcrossBuffersUntilItsLineEnds() throws IOException {
        feed("{\"type\":\"MODIFIED\",\"obj");
        feed("ect\":{\"metadata\":{\"name\":\"r\",\"labels\":{\"k\":\"ü\"}}}}");
        assertThat(events).isEmpty();

        feed("\n{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"9\"}}}");
        feed("\n");

        assertThat(events).extracting(WatchEvent::type).containsExactly("MODIFIED", "BOOKMARK");
        assertThat(events.get(0).object().path("metadata").path("labels").path("k").asText()).isEqualTo("ü");
    }

    @Test
    void growsForAnObjectLargerThanItsBuffer() throws IOException {
        String big = "x".repeat(100_000);
        feed("{\"type\":\"ADDED\",\"object\":{\"data\":{\"config.yaml\":\"" + big + "\"}}}\n");

        assertThat(events.get(0).object().path("data").path("config.yaml").asText()).hasSize(100_000);
    }

    @Test
    void refusesAnEventWithoutAnObject() {
        assertThatThrownBy(() -> feed("{\"type\":\"ADDED\"}\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("without an object");
    }

    private void feed(String text) throws IOException {
        decoder.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), events::add);
    }
}
