package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Format without String.format for plain verbs gives exactly what String.format gives. */
class StringFormatTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void plainVerbsMatchStringFormat() {
        for (String fmt : List.of("%s-config", "%s.%s.svc:%d", "%v/%v", "100%% %s", "%s%%%d%s", "", "plain", "%s", "%d%%")) {
            List<JsonNode> values = new ArrayList<>();
            List<Object> arguments = new ArrayList<>();
            Matcher verbs = Pattern.compile("%([a-z%])").matcher(fmt);
            while (verbs.find()) {
                if (verbs.group(1).equals("d")) {
                    values.add(JSON.numberNode(8080 + values.size()));
                    arguments.add(8080L + arguments.size());
                } else if (!verbs.group(1).equals("%")) {
                    values.add(JSON.textNode("v" + values.size() + "%s"));
                    arguments.add("v" + arguments.size() + "%s");
                }
            }
            String expected = String.format(Locale.ROOT, fmt.replace("%v", "%s"), arguments.toArray());

            assertThat(StringTransform.format(fmt, values)).as(fmt).isEqualTo(expected);
        }
    }

    @Test
    void widthsAndStrayPercentSignsStillGoThroughStringFormat() {
        assertThat(StringTransform.format("%-6s|", List.of(JSON.textNode("ab")))).isEqualTo("ab    |");
        assertThat(StringTransform.format("%5d", List.of(JSON.numberNode(42)))).isEqualTo("   42");
    }
}
