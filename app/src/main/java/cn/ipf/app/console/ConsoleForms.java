package cn.ipf.app.console;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Problems;
import cn.ipf.app.shared.web.ViolationMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Forms of the console check what the API checks: a form is bound to the contract's own model (e.g.
 * {@code ClaimDeclaration}) and validated with its constraints, and the service's refusal is shown as the API's
 * problem message; both in the page's language. Each rendered form carries a fresh idempotency key
 * ({@link #newKey()}), sent in the action's query ({@code ?idem=}), so a double submit is done once.
 */
@Component
public class ConsoleForms {

    private final Validator validator;
    private final ViolationMessages violations;
    private final Problems problems;

    ConsoleForms(Validator validator, ViolationMessages violations, Problems problems) {
        this.validator = validator;
        this.violations = violations;
        this.problems = problems;
    }

    /** The contract's constraints on the bound model; field names are its property paths. */
    public <T> FormErrors validate(HttpServletRequest request, T model) {
        FormErrors errors = FormErrors.none();
        validator.validate(model).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.field(v.getPropertyPath().toString(),
                        violations.describe(request, v.getPropertyPath().toString(), v)));
        return errors;
    }

    /**
     * The contract's constraints after binding a form: a value that could not even be converted (letters in a
     * number, a malformed date) is said so by its field ({@code form.typeMismatch.<kind>}), then the constraints.
     */
    public <T> FormErrors validate(HttpServletRequest request, T model, BindingResult binding) {
        FormErrors errors = FormErrors.none();
        binding.getFieldErrors().forEach(e -> errors.field(e.getField(), problems.text(request,
                "form.typeMismatch." + kind(binding.getFieldType(e.getField())), "invalid value")));
        validate(request, model).fields().forEach(errors::field);
        return errors;
    }

    /**
     * A form's submission: the bound form is checked ({@link #validate(HttpServletRequest, Object, BindingResult)}),
     * then the step runs and its answer (usually a redirect) is the page; otherwise the form is shown again with
     * its problems, with 422 or the refusal's status. Nothing is done when the form has a problem.
     */
    public <T> String submit(HttpServletRequest request, HttpServletResponse response, T form, BindingResult binding,
            Supplier<String> step, Function<FormErrors, String> again) {
        FormErrors errors = validate(request, form, binding);
        if (errors.any()) {
            response.setStatus(422);
            return again.apply(errors);
        }
        try {
            return step.get();
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return again.apply(refusal(request, e));
        }
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        return type == LocalDate.class ? "date" : "value";
    }

    /** A service's refusal: the problem's localized detail, and its field violations by their fields. */
    public FormErrors refusal(HttpServletRequest request, ApiException e) {
        return refusal(request, e, null);
    }

    /**
     * As {@link #refusal(HttpServletRequest, ApiException)}, with the explanation worded for what is decided (e.g.
     * {@code explain.admission.MAKER_CHECKER} for an admission rather than a claim); without one the general
     * {@code explain.<CODE>} is used.
     */
    public FormErrors refusal(HttpServletRequest request, ApiException e, String subject) {
        FormErrors errors = FormErrors.none();
        if (e.violations().isEmpty()) {
            errors.general(describe(request, e));
            // some refusals need a word on why the rule exists and what to do (maker-checker)
            String general = problems.text(request, "explain." + e.code().name(), "");
            String explanation = subject == null ? general
                    : problems.text(request, "explain." + subject + "." + e.code().name(), general);
            if (!explanation.isEmpty()) {
                errors.general(explanation);
            }
        }
        e.violations().forEach(v -> errors.field(v.field(),
                problems.text(request, "console.violation." + v.field(), v.message())));
        return errors;
    }

    /**
     * A step taken from a form (e.g. an approval): done, the browser is sent to {@code doneUrl}; refused, the response
     * takes the problem's status and {@code again} shows the page with the refusal (see
     * {@link #refusal(HttpServletRequest, ApiException, String)} for {@code subject}).
     */
    public String step(Runnable action, String doneUrl, String subject, HttpServletRequest request,
            HttpServletResponse response, Function<FormErrors, String> again) {
        try {
            action.run();
            return "redirect:" + doneUrl;
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return again.apply(refusal(request, e, subject));
        }
    }

    /**
     * As {@link #step(Runnable, String, String, HttpServletRequest, HttpServletResponse, Function)} for a form already
     * checked: with problems it is shown again with them (422) and nothing is done.
     */
    public String step(FormErrors checked, Runnable action, String doneUrl, HttpServletRequest request,
            HttpServletResponse response, Function<FormErrors, String> again) {
        if (checked.any()) {
            response.setStatus(422);
            return again.apply(checked);
        }
        return step(action, doneUrl, null, request, response, again);
    }

    /** The problem's detail in the page's language, e.g. why a claim cannot be approved. */
    public String describe(HttpServletRequest request, ApiException e) {
        String detail = problems.text(request, "error." + e.code().name() + ".detail", e.args(), e.code().name());
        // a page's wording where the API's names codes a person cannot read (a state machine's states and actions)
        return problems.text(request, "console.error." + e.code().name(), e.args(), detail);
    }

    /** A key for one rendering of a form. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * What a form gave, field by field, to be sent again as it was: a step shown for confirmation (a rule version
     * against the one in force) repeats it in hidden fields ({@link RuleVersionDiff}). The token and the key
     * are the new page's own.
     */
    static Map<String, String> given(HttpServletRequest request) {
        Map<String, String> given = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !name.equals("idem") && values.length > 0) {
                given.put(name, values[0]);
            }
        });
        return given;
    }
}
