package cn.ipf.app.shared.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the client can act on. The message arguments fill the localized detail text; field violations, when
 * given, are listed in the problem's {@code errors[]}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object[] args;
    private final List<FieldViolation> violations;
    private final Map<String, Object> properties = new LinkedHashMap<>();

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

    /** Adds a member to the problem body, e.g. {@code currentState} on an illegal transition. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** One offending field and what is wrong with it. */
    public record FieldViolation(String field, String message) {
    }
}
