package cn.ipf.app.shared.error;

import org.springframework.http.HttpStatus;

/**
 * Stable error codes of the API. The code is the contract with clients; titles and details come from
 * {@code i18n/messages*.properties} as {@code error.CODE.title} and {@code error.CODE.detail}.
 */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST),
    PARAMETER_INVALID(HttpStatus.BAD_REQUEST),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    CONFLICT(HttpStatus.CONFLICT),

    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    ACCOUNT_LOCKED(HttpStatus.LOCKED),
    REFRESH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),

    APP_UNKNOWN(HttpStatus.UNAUTHORIZED),
    APP_DISABLED(HttpStatus.UNAUTHORIZED),
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED),
    TIMESTAMP_SKEW(HttpStatus.UNAUTHORIZED),
    NONCE_REUSED(HttpStatus.UNAUTHORIZED),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    REDIS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),

    IDEMPOTENCY_KEY_REQUIRED(HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_INVALID(HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_IN_PROGRESS(HttpStatus.CONFLICT),

    USERNAME_TAKEN(HttpStatus.CONFLICT),
    PASSWORD_TOO_WEAK(HttpStatus.BAD_REQUEST),
    ROLE_BINDING_INVALID(HttpStatus.BAD_REQUEST),
    DISTRICT_UNKNOWN(HttpStatus.BAD_REQUEST),
    BANK_UNKNOWN(HttpStatus.BAD_REQUEST),
    ENTERPRISE_UNKNOWN(HttpStatus.BAD_REQUEST),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND),

    BANK_NOT_FOUND(HttpStatus.NOT_FOUND),
    BANK_CODE_TAKEN(HttpStatus.CONFLICT),
    APP_NOT_FOUND(HttpStatus.NOT_FOUND),
    SECRET_NOT_FOUND(HttpStatus.NOT_FOUND),
    SECRET_LIMIT_REACHED(HttpStatus.CONFLICT),
    SECRET_ALREADY_REVOKED(HttpStatus.CONFLICT),
    LAST_ACTIVE_SECRET(HttpStatus.CONFLICT),
    WEBHOOK_URL_INVALID(HttpStatus.BAD_REQUEST),

    JOB_UNKNOWN(HttpStatus.NOT_FOUND),
    JOB_EXECUTION_NOT_FOUND(HttpStatus.NOT_FOUND),
    JOB_PARAMETERS_INVALID(HttpStatus.BAD_REQUEST),
    JOB_ALREADY_COMPLETE(HttpStatus.CONFLICT),
    JOB_ALREADY_RUNNING(HttpStatus.CONFLICT),
    JOB_NOT_RESTARTABLE(HttpStatus.CONFLICT),
    JOB_NOT_RUNNING(HttpStatus.CONFLICT),

    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
