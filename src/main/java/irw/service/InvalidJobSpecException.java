package irw.service;

/** A job spec that cannot run; the message starts with the offending field, e.g. "hyperParameters.alpha: ...". */
public final class InvalidJobSpecException extends Exception {
    private final String field;

    public InvalidJobSpecException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
