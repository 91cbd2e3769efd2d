package cn.ipf.app.shared.web;

import cn.ipf.app.shared.error.ErrorCode;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report, for requests the container refuses before the application sees them (a header larger
 * than {@code server.max-http-request-header-size}, an undecodable or forbidden URI such as {@code %2F} or
 * {@code %00}): problem+json instead of Tomcat's HTML page. Installed on the host by {@link ContainerErrors}.
 */
class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final Problems problems;

    ProblemReportValve(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = headerTooLarge(throwable) ? ErrorCode.HEADER_TOO_LARGE : Problems.forStatus(status);
        if (code == ErrorCode.INTERNAL_ERROR) {
            log.error("container error {} on {}", status, request.getRequestURI(), throwable);
        }
        try {
            problems.write(request, response, code);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem for a refused request", e);
        }
    }

    /** Tomcat refuses an oversized request line or header with a bare 400 and this cause. */
    private static boolean headerTooLarge(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("header") && message.contains("too large")) {
                return true;
            }
        }
        return false;
    }
}
