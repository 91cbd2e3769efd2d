package cn.ipf.app.auth;

import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.security.CurrentActor;
import jakarta.servlet.http.HttpSession;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 登录 the console's sign-in page: the form, the reason a sign-in was refused (wrong password, locked, sign-in
 * unavailable, a sign-up still pending or refused, the identity provider's failure), the link to the self sign-up and,
 * when configured, the provincial identity provider's button.
 */
@ConsolePage
class SignInPages {

    /** Session attribute: why a self sign-up was rejected, shown once on the login page. */
    static final String SIGN_UP_REASON = "ipf.signUpRejectedReason";

    private final boolean governmentIdentity;

    SignInPages(GovernmentIdentityProperties identity) {
        this.governmentIdentity = identity.enabled();
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
        return "auth/login";
    }
}
