package cn.ipf.app.shared.error;

import java.util.List;

/**
 * A refusal the client can act on. The message arguments fill the localized detail text; field violations, when
 * given, are listed in the problem's {@code errors[]}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object[] args;
    private final List<FieldViolation> violations;

    public ApiException(ErrorCode code, Object... args) {
        this(code, List.of(), args);
    }

    public ApiException(ErrorCode code, List<FieldViolation> violations, Object... args) {
        super(code.name());
        this.code = code;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    public ErrorCode code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** One offending field and what is wrong with it. */
    public record FieldViolation(String field, String message) {
    }
}
