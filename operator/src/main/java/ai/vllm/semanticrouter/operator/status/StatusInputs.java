package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.Environment;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Everything status is computed from: the CR, the environment the functions computed, the live
 * Deployment and Route (null when absent), whether a Route was rendered, the reconcile's problems
 * and the status writes of the compositions (ToCompositeFieldPath, may be empty).
 */
public record StatusInputs(JsonNode cr, Environment environment, JsonNode deployment, JsonNode route,
                           boolean routeRendered, List<Problem> problems, JsonNode compositionStatus) {

    public StatusInputs {
        problems = List.copyOf(problems);
    }
}
