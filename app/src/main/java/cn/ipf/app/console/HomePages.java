package cn.ipf.app.console;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.auth.ConsoleSignIn;
import cn.ipf.app.auth.GovernmentIdentityProperties;
import cn.ipf.app.security.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 首页 the root, the sign-in page, the home page built from every feature's {@link HomePanel}, the 403 page. */
@ConsolePage
class HomePages {

    /** Session attribute: why a self sign-up was rejected, shown once on the login page. */
    static final String SIGN_UP_REASON = "ipf.signUpRejectedReason";

    private final AccessPolicy access;
    private final List<HomePanel> panels;

    private final boolean governmentIdentity;

    HomePages(AccessPolicy access, List<HomePanel> panels, GovernmentIdentityProperties identity) {
        this.access = access;
        this.panels = panels;
        this.governmentIdentity = identity.enabled();
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping(ConsoleSecurityConfig.LOGIN)
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (CurrentActor.find().isPresent()) {
            return "redirect:/console";
        }
        model.addAttribute("error", error == null ? null : switch (error) {
            case "locked", "unavailable", "pending", "rejected", "oidc" -> error;
            default -> "bad";
        });
        model.addAttribute("rejectedReason", session.getAttribute(SIGN_UP_REASON));
        session.removeAttribute(SIGN_UP_REASON);
        model.addAttribute("governmentIdentity", governmentIdentity);
        model.addAttribute("signUp", ConsoleSignIn.SIGN_UP_PAGE);
        return "console/login";
    }

    @GetMapping("/console")
    String home(Model model) {
        Caller caller = access.caller();
        model.addAttribute("panels", panels.stream().sorted(Comparator.comparingInt(HomePanel::order))
                .map(p -> p.panel(caller)).flatMap(Optional::stream).toList());
        return "console/home";
    }

    @RequestMapping("/console/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "console/denied";
    }
}
