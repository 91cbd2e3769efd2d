package cn.ipf.app.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Field messages that say what is expected (issue 17): the range, length or pattern from the constraint's own
 * attributes, the JSON type or format a value must have, in zh-CN or en. A field may have its own wording
 * ({@code violation.<field>.<Constraint>[.variant]}, e.g. what a username may contain, a rate's unit) before the
 * generic one ({@code violation.<Constraint>[.variant]}). A null inside a list is "required" too.
 */
@Component
public class ViolationMessages {

    private final Problems problems;

    ViolationMessages(Problems problems) {
        this.problems = problems;
    }

    /** A Bean Validation violation of the named field. */
    public String describe(HttpServletRequest request, String field, ConstraintViolation<?> violation) {
        Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String constraint = annotation.annotationType().getSimpleName();
        String variant = constraint;
        Object[] args = {};
        switch (constraint) {
            case "Size" -> {
                int min = (Integer) attributes.get("min");
                int max = (Integer) attributes.get("max");
                variant = max == Integer.MAX_VALUE ? "Size.min" : min == 0 ? "Size.max" : "Size";
                args = new Object[] {min, max};
            }
            case "Min", "Max" -> args = new Object[] {attributes.get("value")};
            case "DecimalMin", "DecimalMax" -> {
                variant = constraint + (Boolean.TRUE.equals(attributes.get("inclusive")) ? "" : ".exclusive");
                args = new Object[] {attributes.get("value")};
            }
            case "Pattern" -> args = new Object[] {attributes.get("regexp")};
            default -> {
                // NotNull, NotBlank, Email …: the name says it all
            }
        }
        String leaf = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        leaf = leaf.replaceAll("\\[\\d+]$", "");
        String generic = problems.text(request, "violation." + variant, args, violation.getMessage());
        return problems.text(request, "violation." + leaf + "." + variant, args, generic);
    }

    /** A body Jackson could not read into the contract's types; the field path is in the exception. */
    String describe(HttpServletRequest request, DatabindException e) {
        if (e instanceof InvalidNullException) {
            return problems.text(request, "violation.NotNull", "is required");
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == String.class && e.getMessage() != null && e.getMessage().contains("control character")) {
            return problems.text(request, "violation.controlCharacter", "control characters are not allowed");
        }
        String expected = expected(target);
        if (target != null && target.isEnum()) {
            String values = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return problems.text(request, "violation.expected.enum", new Object[] {values}, "one of " + values);
        }
        return problems.text(request, "violation.expected." + expected, new Object[] {StrictJson.FIRST_DATE,
            StrictJson.LAST_DATE}, "invalid value");
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (target == String.class) {
            return "string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == BigInteger.class || target == Short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(target) || target == BigDecimal.class || target == double.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (target == LocalDate.class) {
            return "date";
        }
        if (target == OffsetDateTime.class) {
            return "dateTime";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "array";
        }
        return target.getName().startsWith("java.") ? "value" : "object";
    }

    /** The JSON path of the offending value, e.g. {@code lines[2].amount}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
