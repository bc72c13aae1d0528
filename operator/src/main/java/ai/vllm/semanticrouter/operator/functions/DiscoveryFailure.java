package ai.vllm.semanticrouter.operator.functions;

/** A backend that discovery could not resolve, and what it looked for. */
public record DiscoveryFailure(EndpointSpec spec, String lookedFor) {

    /** "endpoint 'e1' (kserve): InferenceService ns/isvc not found". */
    public String describe() {
        return "endpoint '" + spec.name() + "' (" + spec.backend().type() + "): " + lookedFor;
    }
}
