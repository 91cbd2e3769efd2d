package cn.ipf.app.console;

import cn.ipf.app.shared.policy.FieldChange;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.ui.Model;

/**
 * 差异确认 the page that shows a new rule version against the one in force, field by field, before it is confirmed;
 * shared by the pages of versioned rules. {@code texts} is their message prefix ({@code .diff}, {@code .diff.intro},
 * {@code .diff.none}, {@code .backUnsaved}, {@code .confirm}, {@code .cancel}), {@code labels} that of the fields,
 * {@code subject} what the rules are of (or null), {@code back} the page to return to unsaved and {@code action} where
 * the confirmation goes (with a fresh idempotency key, so that a double submit saves once).
 */
public record RuleVersionDiff(String texts, String labels, String subject, String back, String action) {

    /** The page for the version in force (null: none) and the changes; the form is sent again as it was given. */
    public String show(Model model, HttpServletRequest request, Integer inForceVersion, List<FieldChange> changes) {
        model.addAttribute("diff", this);
        model.addAttribute("inForceVersion", inForceVersion);
        model.addAttribute("changes", changes);
        model.addAttribute("given", ConsoleForms.given(request));
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "console/rule-version-diff";
    }
}
