package cn.ipf.app.shared.web;

import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details, the same way for MVC exception handlers and for servlet filters (which answer
 * before any controller runs). Text comes in zh-CN (default) or en by Accept-Language.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    /** Request attribute: the language a console page is shown in, which its messages follow. */
    public static final String PAGE_LOCALE = Problems.class.getName() + ".pageLocale";
    private static final List<Locale> SUPPORTED = List.of(ZH_CN, Locale.CHINESE, Locale.ENGLISH);

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ResponseEntity<Map<String, Object>> entity(HttpServletRequest request, ErrorCode code,
            List<FieldViolation> violations, Object... args) {
        return ResponseEntity.status(code.status()).contentType(PROBLEM_JSON)
                .body(body(request, code, violations, args));
    }

    /**
     * Writes a problem straight to the servlet response, for filters, the error controller and the container's error
     * report (which answer before, or without, any controller).
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, Object... args)
            throws IOException {
        RequestIds.ensure(request, response);
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, code, List.of(), args));
    }

    public Map<String, Object> body(HttpServletRequest request, ErrorCode code, List<FieldViolation> violations,
            Object... args) {
        Locale locale = localeOf(request);
        HttpStatus status = code.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:ipf:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", messages.getMessage("error." + code.name() + ".title", null, status.getReasonPhrase(),
                locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage("error." + code.name() + ".detail", args, "", locale));
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        body.put("instance", original instanceof String uri ? uri : request.getRequestURI());
        body.put("code", code.name());
        body.put("traceId", RequestIds.of(request));
        if (!violations.isEmpty()) {
            body.put("errors", violations.stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return body;
    }

    /**
     * The code for a bare HTTP status, when the servlet container or a framework refused the request without saying
     * more (an error dispatch, the container's error report).
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ErrorCode.HEADER_TOO_LARGE;
            default -> status >= 400 && status < 500 ? ErrorCode.REQUEST_REJECTED : ErrorCode.INTERNAL_ERROR;
        };
    }

    public String text(HttpServletRequest request, String key, String fallback) {
        return messages.getMessage(key, null, fallback, localeOf(request));
    }

    public String text(HttpServletRequest request, String key, Object[] args, String fallback) {
        return messages.getMessage(key, args, fallback, localeOf(request));
    }

    /**
     * zh-CN unless the client prefers English; also zh-CN when the firewall refuses the header's value. A console page
     * has its language chosen by the person (a cookie), which it puts in {@link #PAGE_LOCALE}.
     */
    public static Locale localeOf(HttpServletRequest request) {
        if (request.getAttribute(PAGE_LOCALE) instanceof Locale chosen) {
            return chosen;
        }
        String header;
        try {
            header = request.getHeader("Accept-Language");
        } catch (RequestRejectedException e) {
            return ZH_CN;
        }
        if (header == null || header.isBlank()) {
            return ZH_CN;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match != null && match.getLanguage().equals("en") ? Locale.ENGLISH : ZH_CN;
        } catch (IllegalArgumentException e) {
            return ZH_CN;
        }
    }
}
