package cn.ipf.app.auth;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * 企业自助注册 in the console: the public sign-up form (linked from the login page, the USCC filled in when the
 * person came from 统一身份认证 without an account), and the district reviewer's list of pending sign-ups with
 * approval or rejection with a reason.
 */
@ConsolePage
class SignUpPages implements ConsoleMenu, HomePanel {

    static final String SIGN_UP = ConsoleSignIn.SIGN_UP_PAGE;
    static final String SIGN_UPS = "/console/sign-ups";

    private final SignUps signUps;
    private final RegionMapper regions;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Problems problems;

    SignUpPages(SignUps signUps, RegionMapper regions, AccessPolicy access, ConsoleForms forms, Problems problems) {
        this.problems = problems;
        this.signUps = signUps;
        this.regions = regions;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(SIGN_UP)
    String form(@RequestParam(required = false) String uscc, @RequestParam(required = false) String via,
            Model model) {
        SignUpForm form = new SignUpForm();
        form.setUscc(uscc);
        model.addAttribute("fromIdentityProvider", "oidc".equals(via));
        return show(form, FormErrors.none(), model);
    }

    @PostMapping(SIGN_UP)
    String submit(@RequestParam("idem") String formKey, @ModelAttribute SignUpForm form,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = forms.validate(request, form);
        if (errors.any()) {
            response.setStatus(422);
            return show(form, errors, model);
        }
        try {
            signUps.submit(formKey, form.application());
            return "redirect:" + SIGN_UP + "/submitted?key="
                    + UriUtils.encodeQueryParam(formKey, StandardCharsets.UTF_8);
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return show(form, FormErrors.none().field(field(e.code()), forms.describe(request, e)), model);
        }
    }

    /** The field a refusal of the service belongs to. */
    private static String field(ErrorCode code) {
        return switch (code) {
            case USERNAME_TAKEN -> "username";
            case PASSWORD_TOO_WEAK -> "password";
            case DISTRICT_UNKNOWN -> "districtCode";
            default -> "uscc";
        };
    }

    /** Reached with the form's own key: nobody else can read the sign-up back. */
    @GetMapping(SIGN_UP + "/submitted")
    String submitted(@RequestParam String key, Model model) {
        model.addAttribute("signUp", signUps.submitted(key)
                .orElseThrow(() -> new ApiException(ErrorCode.SIGN_UP_NOT_FOUND, key)));
        return "auth/sign-up-submitted";
    }

    private String show(SignUpForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("districts", districts().filter(r -> r.retiredAt() == null)
                .sorted(Comparator.comparing(Region::code)).toList());
        return "auth/sign-up";
    }

    private Stream<Region> districts() {
        return regions.findAll().stream().filter(r -> "DISTRICT".equals(r.regionLevel()));
    }

    @GetMapping(SIGN_UPS)
    String pending(@RequestParam(required = false) String done, Model model) {
        return list(model, done, FormErrors.none());
    }

    @PostMapping(SIGN_UPS + "/{id}/approval")
    String approve(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            signUps.approve(id);
            return "redirect:" + SIGN_UPS + "?done=approved";
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return list(model, null, forms.refusal(request, e));
        }
    }

    @PostMapping(SIGN_UPS + "/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty() || given.length() > 500) {
            response.setStatus(422);
            return list(model, null, FormErrors.none().field("reason-" + id,
                    problems.text(request, "signUp.reason.required", "reason required")));
        }
        try {
            signUps.reject(id, given);
            return "redirect:" + SIGN_UPS + "?done=rejected";
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return list(model, null, forms.refusal(request, e));
        }
    }

    private String list(Model model, String done, FormErrors errors) {
        model.addAttribute("signUps", signUps.pending());
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        model.addAttribute("districtNames", districts().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "auth/sign-ups";
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.REVIEW_SIGN_UPS) ? List.of(new Item(15, "signUp.review", SIGN_UPS))
                : List.of();
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Optional<Panel> panel(Caller caller) {
        if (!access.may(caller, Permission.REVIEW_SIGN_UPS)) {
            return Optional.empty();
        }
        return Optional.of(new Panel("auth/panels", "reviewer", Map.of("pending", signUps.countPending(caller))));
    }
}
