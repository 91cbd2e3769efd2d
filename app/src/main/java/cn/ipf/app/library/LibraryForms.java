package cn.ipf.app.library;

import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The library pages' forms: text is trimmed and a blank field is absent (as an optional field left out of the API's
 * JSON); a value the browser sent that is not a number or a date (it cannot even be bound to the
 * contract's model) is a message by its field like any other, then the contract's constraints ({@link ConsoleForms}).
 */
@ControllerAdvice(assignableTypes = {EnterprisePages.class, IpAssetPages.class})
class LibraryForms {

    private final ConsoleForms forms;
    private final Problems problems;

    LibraryForms(ConsoleForms forms, Problems problems) {
        this.forms = forms;
        this.problems = problems;
    }

    @InitBinder
    void blanksAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    FormErrors validate(HttpServletRequest request, Object model, BindingResult binding) {
        FormErrors errors = FormErrors.none();
        binding.getFieldErrors().stream().filter(e -> e.isBindingFailure()).forEach(e -> {
            Class<?> type = binding.getFieldType(e.getField());
            String key = type == LocalDate.class ? "smelib.form.date" : "smelib.form.number";
            errors.field(e.getField(), problems.text(request, key, key));
        });
        FormErrors constraints = forms.validate(request, model);
        constraints.fields().forEach(errors::field);
        return errors;
    }

    /** A service's refusal as the API's problem says it, by the field it concerns. */
    FormErrors refusal(HttpServletRequest request, ApiException e) {
        return forms.refusal(request, e);
    }

    String text(HttpServletRequest request, String key, Object... args) {
        return problems.text(request, key, args, key);
    }
}
