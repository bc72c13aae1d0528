package ai.vllm.semanticrouter.operator.functions.router;

import java.util.ArrayList;
import java.util.List;

/**
 * What writing the config found: {@link #refusals} the router would refuse to load (the config is
 * not rolled out), {@link #warnings} it would load but that do not do what the CR says, and
 * {@link #ignored} CR fields the router version has no place for.
 */
public final class Findings {
    private final List<String> refusals = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    void refuse(String message) {
        refusals.add(message);
    }

    void warn(String message) {
        warnings.add(message);
    }

    void ignore(String crField, String why) {
        ignored.add(crField + " (" + why + ")");
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }
}
