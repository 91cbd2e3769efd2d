package cn.ipf.app.shared.web;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches MVC into problem+json with a stable code. Anything unexpected is a 500 with no
 * internals in the body (the log has the stack trace under the request id).
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final ViolationMessages messages;

    ApiExceptionHandler(Problems problems, ViolationMessages messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> problem = problems.entity(request, e.code(), e.violations(), e.args());
        problem.getBody().putAll(e.properties());
        return problem;
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, Object>> invalidBody(BindException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), message(f, request))).toList();
        return problems.entity(request, ErrorCode.VALIDATION_FAILED, violations);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameter(HandlerMethodValidationException e,
            HttpServletRequest request) {
        List<FieldViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldViolation(
                        r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        String.valueOf(err.getDefaultMessage()))))
                .toList();
        return problems.entity(request, ErrorCode.VALIDATION_FAILED, violations);
    }

    /** Query, path and header constraints of the generated interfaces (validated on the proxy, not by MVC). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> invalidArgument(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream().map(v -> {
            String field = "parameter";
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            return new FieldViolation(field, messages.describe(request, field, v));
        }).toList();
        if (violations.stream().anyMatch(v -> isPathVariable(request, v.field()))) {
            return problems.entity(request, ErrorCode.NOT_FOUND, List.of());
        }
        return problems.entity(request, ErrorCode.VALIDATION_FAILED, violations);
    }

    /**
     * A path variable that binds to nothing (e.g. a blank enum value) names no resource; one the mapping lacks is
     * our bug.
     */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<Map<String, Object>> emptyPathVariable(MissingPathVariableException e, HttpServletRequest request) {
        return e.isMissingAfterConversion() ? problems.entity(request, ErrorCode.NOT_FOUND, List.of())
                : unexpected(e, request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
        String name = "parameter";
        if (e instanceof MethodArgumentTypeMismatchException m) {
            name = m.getName();
            if (m.getParameter().hasParameterAnnotation(PathVariable.class)) {
                return problems.entity(request, ErrorCode.NOT_FOUND, List.of());
            }
        } else if (e instanceof MissingServletRequestParameterException m) {
            name = m.getParameterName();
        } else if (e instanceof MissingRequestHeaderException m) {
            name = m.getHeaderName();
        }
        return problems.entity(request, ErrorCode.PARAMETER_INVALID,
                List.of(new FieldViolation(name, problems.text(request, "violation.invalid", "invalid value"))),
                name);
    }

    /**
     * A body that is not JSON, or whose value has the wrong JSON type, a control character or a date out of range:
     * the field and what it expects are listed when Jackson knows them.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof DatabindException d && !d.getPath().isEmpty()) {
            return problems.entity(request, ErrorCode.MALFORMED_BODY,
                    List.of(new FieldViolation(ViolationMessages.path(d), messages.describe(request, d))));
        }
        return problems.entity(request, ErrorCode.MALFORMED_BODY, List.of());
    }

    /** Framework refusals that carry nothing more than their kind. */
    private static final Map<Class<? extends Exception>, ErrorCode> SIMPLE = Map.of(
            NoResourceFoundException.class, ErrorCode.NOT_FOUND,
            HttpRequestMethodNotSupportedException.class, ErrorCode.METHOD_NOT_ALLOWED,
            HttpMediaTypeNotSupportedException.class, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            HttpMediaTypeNotAcceptableException.class, ErrorCode.NOT_ACCEPTABLE,
            MaxUploadSizeExceededException.class, ErrorCode.PAYLOAD_TOO_LARGE,
            AccessDeniedException.class, ErrorCode.FORBIDDEN);

    @ExceptionHandler({NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MaxUploadSizeExceededException.class,
            AccessDeniedException.class})
    ResponseEntity<Map<String, Object>> simple(Exception e, HttpServletRequest request) {
        ErrorCode code = SIMPLE.entrySet().stream().filter(entry -> entry.getKey().isInstance(e))
                .map(Map.Entry::getValue).findFirst().orElse(ErrorCode.INTERNAL_ERROR);
        return problems.entity(request, code, List.of());
    }

    /** A unique constraint lost a race that the service's own check could not see. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        log.info("unique constraint refused a write: {}", e.getMostSpecificCause().getMessage());
        return problems.entity(request, ErrorCode.CONFLICT, List.of());
    }

    /** Two transactions met on the same rows; nothing was written and the client may retry. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Map<String, Object>> lockConflict(PessimisticLockingFailureException e, HttpServletRequest request) {
        log.info("lock conflict: {}", e.getMostSpecificCause().getMessage());
        return problems.entity(request, ErrorCode.CONCURRENT_UPDATE, List.of());
    }

    /**
     * The database refused a value the validation let through (SQLState class 22, e.g. a date beyond year 9999 or
     * an out-of-range number): still bad input, and the transaction rolled back.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> dataAccess(DataAccessException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            return problems.entity(request, ErrorCode.VALUE_OUT_OF_RANGE, List.of());
        }
        return unexpected(e, request);
    }

    /**
     * The firewall checks a header when it is read, so a header MVC reads (Accept, while mapping the request) can be
     * refused here, after the filters: the same answer as the firewall's own refusals. Written straight to the
     * response, since negotiating a ResponseEntity would read the refused Accept again.
     */
    @ExceptionHandler(RequestRejectedException.class)
    void rejected(RequestRejectedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.info("firewall rejected {}: {}", request.getRequestURI(), e.getMessage());
        problems.write(request, response, ErrorCode.REQUEST_REJECTED);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.entity(request, ErrorCode.INTERNAL_ERROR, List.of());
    }

    /**
     * A path variable that cannot be an id (wrong type, outside its pattern) names no resource: 404, as for an id
     * that does not exist, never a database error.
     */
    private static boolean isPathVariable(HttpServletRequest request, String name) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.containsKey(name);
    }

    private String message(FieldError error, HttpServletRequest request) {
        if (error.contains(ConstraintViolation.class)) {
            return messages.describe(request, error.getField(), error.unwrap(ConstraintViolation.class));
        }
        String constraint = error.getCode() == null ? "invalid" : error.getCode();
        return problems.text(request, "violation." + constraint,
                error.getDefaultMessage() == null ? "invalid value" : error.getDefaultMessage());
    }
}
