package ai.vllm.semanticrouter.engine.transform;

import ai.vllm.semanticrouter.engine.load.CompositionException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code transforms:} of a patch, applied in order. Every error, at load and at render, names
 * the transform by its index and kind ({@code transforms[1] (string Join)}), so a chain of several
 * transforms says which one failed. Immutable.
 */
public final class TransformChain {
    /** No transforms: the value passes unchanged. */
    public static final TransformChain NONE = new TransformChain(List.of(), List.of());

    private final List<Transform> transforms;
    private final List<String> names;

    private TransformChain(List<Transform> transforms, List<String> names) {
        this.transforms = List.copyOf(transforms);
        this.names = List.copyOf(names);
    }

    /**
     * Compiles a {@code transforms:} list and checks that each transform accepts what the one before
     * produces.
     *
     * @param node  the list (null or JSON null: none)
     * @param patch the patch it belongs to, for errors, e.g. {@code FromCompositeFieldPath a -> b}
     * @throws CompositionException on the first transform that does not compile or fit, naming it and the patch
     */
    public static TransformChain parse(JsonNode node, String patch) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        List<Transform> transforms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ValueKind previous = ValueKind.ANY;
        for (JsonNode entry : node) {
            String name = name(transforms.size(), entry);
            Transform transform;
            try {
                transform = TransformParser.parse(entry);
            } catch (CompositionException e) {
                throw new CompositionException(e.node(), e.getMessage() + "; in " + name + " of patch " + patch);
            }
            if (!ValueKind.fits(previous, transform.accepts())) {
                throw new CompositionException(entry, "this transform accepts " + transform.accepts()
                        + " but the previous transform produces " + previous + "; in " + name + " of patch " + patch);
            }
            previous = transform.output();
            transforms.add(transform);
            names.add(name);
        }
        return new TransformChain(transforms, names);
    }

    /**
     * The value after every transform.
     *
     * @throws TransformException when one does not fit the value, naming it by index and kind
     */
    public JsonNode apply(JsonNode value) {
        JsonNode current = value;
        for (int i = 0; i < transforms.size(); i++) {
            try {
                current = transforms.get(i).apply(current);
            } catch (TransformException | IllegalArgumentException e) {
                throw new TransformException(names.get(i) + ": " + e.getMessage());
            }
        }
        return current;
    }

    /**
     * How errors name a transform: its index in the list and its kind, e.g. {@code transforms[0] (map)},
     * {@code transforms[1] (string Join)}, {@code transforms[2] (convert to int64)}.
     */
    static String name(int index, JsonNode entry) {
        String type = entry.path("type").asText("");
        JsonNode settings = entry.path(type);
        String kind = switch (type) {
            case "math" -> join(type, settings.path("type").asText(""));
            case "string" -> join(join(type, settings.path("type").asText("")), settings.path("convert").asText(""));
            case "convert" -> join(type, settings.has("toType") ? "to " + settings.path("toType").asText() : "");
            default -> type.isEmpty() ? "no type" : type;
        };
        return "transforms[" + index + "] (" + kind + ")";
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + " " + b;
    }
}
