package cn.ipf.app.shared.web;

import cn.ipf.app.shared.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet error page ({@code /error}): whatever the container or a filter refused with {@code sendError} (e.g.
 * an oversized upload, a status set outside MVC) is answered as problem+json, not Boot's default JSON. A direct
 * request for {@code /error} is simply not found.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = status instanceof Integer s ? Problems.forStatus(s) : ErrorCode.NOT_FOUND;
        if (code == ErrorCode.INTERNAL_ERROR) {
            log.error("error dispatch for {} with status {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    status, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        problems.write(request, response, code);
    }
}
