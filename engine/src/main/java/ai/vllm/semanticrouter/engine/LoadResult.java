package ai.vllm.semanticrouter.engine;

import java.util.List;

/**
 * What loading produced: every composition that passed validation, and every error of those that did not.
 *
 * @param set    the valid compositions (possibly empty)
 * @param errors all errors, in file order
 */
public record LoadResult(CompositionSet set, List<LoadError> errors) {

    public LoadResult {
        errors = List.copyOf(errors);
    }

    /** True when no file had an error. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
