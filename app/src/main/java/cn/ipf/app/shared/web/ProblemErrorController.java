package cn.ipf.app.shared.web;

import cn.ipf.app.shared.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet error page ({@code /error}): whatever the container or a filter refused with {@code sendError} (e.g.
 * an oversized upload, a status set outside MVC) is answered as problem+json, not Boot's default JSON. A direct
 * request for {@code /error} is simply not found. A console page that failed (a template that could not be rendered,
 * an upload over the limit) gets the console's error page instead, in the person's language with the trace id, since a
 * person reads it, not a program.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = status instanceof Integer s ? Problems.forStatus(s) : ErrorCode.NOT_FOUND;
        if (code == ErrorCode.INTERNAL_ERROR) {
            log.error("error dispatch for {} with status {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    status, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        if (forConsole(request)) {
            String trace = RequestIds.ensure(request, response);
            response.setStatus(code.status().value());
            String title = problems.text(request, "error." + code.name() + ".title", "");
            return new ModelAndView("console/error", Map.of(
                    "lang", Problems.localeOf(request).getLanguage(),
                    "path", "/console",
                    "status", code.status().value(),
                    "message", problems.text(request, "error." + code.name() + ".detail", title),
                    "traceId", trace));
        }
        problems.write(request, response, code);
        return null;
    }

    /** A browser's request for a console page, as opposed to a program's (which asks for JSON). */
    private static boolean forConsole(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader("Accept");
        return uri instanceof String path && path.startsWith(request.getContextPath() + "/console")
                && accept != null && accept.contains("text/html");
    }
}
