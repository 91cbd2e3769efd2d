package cn.ipf.app.console;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * For every {@link ConsolePage}: the layout's model (the page's language, who is signed in, the menu from every
 * {@link ConsoleMenu}) and refusals as pages. Something the caller may not see is the 404 page, exactly as the API
 * answers 404 (the access policy decides); any other refusal shows the problem's message with its status.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final AccessPolicy access;
    private final List<ConsoleMenu> menus;
    private final ConsoleForms forms;

    ConsoleAdvice(AccessPolicy access, List<ConsoleMenu> menus, ConsoleForms forms) {
        this.access = access;
        this.menus = menus;
        this.forms = forms;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        model.addAttribute("lang", Problems.localeOf(request).getLanguage());
        model.addAttribute("path", request.getRequestURI());
        if (CurrentActor.find().isPresent()) {
            Caller caller = access.caller();
            model.addAttribute("signedInAs", SecurityContextHolder.getContext().getAuthentication().getName());
            model.addAttribute("role", caller.role().name());
            model.addAttribute("menu", menus.stream().flatMap(m -> m.items(caller).stream())
                    .sorted(Comparator.comparingInt(ConsoleMenu.Item::order)).toList());
        }
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        layout(model, request);
        HttpStatus status = e.code().status();
        if (status == HttpStatus.NOT_FOUND) {
            return notFound(response);
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", forms.describe(request, e));
        return "console/error";
    }

    /** A path that is not a possible id is not found, as in the API. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badPath(HttpServletRequest request, HttpServletResponse response, Model model) {
        layout(model, request);
        return notFound(response);
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "console/not-found";
    }
}
