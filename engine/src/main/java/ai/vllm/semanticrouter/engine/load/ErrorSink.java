package ai.vllm.semanticrouter.engine.load;

import ai.vllm.semanticrouter.engine.LoadError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the errors of one file with their file:line:column. */
public final class ErrorSink implements Consumer<CompositionException> {
    private final String origin;
    private final LocatedYaml yaml;
    private final List<LoadError> errors = new ArrayList<>();

    public ErrorSink(String origin, LocatedYaml yaml) {
        this.origin = origin;
        this.yaml = yaml;
    }

    @Override
    public void accept(CompositionException e) {
        int[] at = yaml == null ? new int[]{0, 0} : yaml.locate(e.node());
        errors.add(new LoadError(origin, at[0], at[1], e.getMessage()));
    }

    public void add(LoadError error) {
        errors.add(error);
    }

    public int count() {
        return errors.size();
    }

    public List<LoadError> errors() {
        return errors;
    }
}
