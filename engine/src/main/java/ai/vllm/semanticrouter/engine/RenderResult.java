package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The outcome of one render.
 *
 * @param resources            desired objects in composition order, then template order
 * @param compositeStatusPatch merged ToCompositeFieldPath writes (for example {@code status.x}); may be empty
 * @param trace                one entry per field written
 * @param errors               templates that failed; they are left out of {@code resources}
 */
public record RenderResult(List<RenderedResource> resources, ObjectNode compositeStatusPatch, List<TraceEntry> trace,
                           List<RenderError> errors) {

    public RenderResult {
        resources = List.copyOf(resources);
        trace = List.copyOf(trace);
        errors = List.copyOf(errors);
    }

    /** True when every template rendered. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
