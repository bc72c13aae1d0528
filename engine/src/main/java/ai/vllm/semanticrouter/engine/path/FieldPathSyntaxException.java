package ai.vllm.semanticrouter.engine.path;

/** A field path that cannot be parsed; {@link #offset()} is the 0-based character where it goes wrong. */
public final class FieldPathSyntaxException extends IllegalArgumentException {
    private final int offset;

    public FieldPathSyntaxException(String path, int offset, String problem) {
        super("invalid field path '" + path + "' at character " + (offset + 1) + ": " + problem);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
