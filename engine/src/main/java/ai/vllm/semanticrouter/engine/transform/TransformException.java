package ai.vllm.semanticrouter.engine.transform;

/** A value that a transform cannot handle at render time. */
public final class TransformException extends RuntimeException {
    public TransformException(String message) {
        super(message);
    }
}
