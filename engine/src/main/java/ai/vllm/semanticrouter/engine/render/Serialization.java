package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.path.FieldPath;

/**
 * A {@code serialize:} step: after all patches, the sub-tree at {@code path} is replaced by its text.
 *
 * @param path   the sub-tree, e.g. {@code data[config.yaml]}
 * @param format {@code yaml}, {@code json} (indented) or {@code json-compact}
 */
public record Serialization(FieldPath path, String format) {
}
