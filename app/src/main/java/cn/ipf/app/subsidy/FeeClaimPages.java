package cn.ipf.app.subsidy;

import cn.ipf.api.model.FeeKind;
import cn.ipf.api.model.NewFeeClaim;
import cn.ipf.api.model.ReceivingAccount;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.material.policy.MaterialSubject;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 费用补贴申请 in the console: the SME claims an evaluation-fee or insurance-premium subsidy with the invoice files;
 * the claim is declared at once and reviewed on the claim's page like an interest claim. The form is the contract's
 * {@link NewFeeClaim} with its constraints; {@link FeeSubsidies} decides the rest; the claim and its invoices are
 * stored together or not at all.
 */
@ConsolePage
class FeeClaimPages {

    static final String NEW = "/console/subsidy/fee-claims/new";
    static final String CREATE = "/console/subsidy/fee-claims";

    private final FeeSubsidies fees;
    private final ClaimMaterials files;
    private final ConsoleForms forms;
    private final Problems problems;

    FeeClaimPages(FeeSubsidies fees, ClaimMaterials files, ConsoleForms forms, Problems problems) {
        this.fees = fees;
        this.files = files;
        this.forms = forms;
        this.problems = problems;
    }

    /** Dates as typed (2025-03-01); anything else is a binding error shown by the field. */
    @InitBinder("form")
    void dates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : LocalDate.parse(text.strip()));
            }
        });
    }

    @GetMapping(NEW)
    String form(@RequestParam(required = false) String upload, HttpServletRequest request, Model model) {
        return show(new NewFeeClaim().account(new ReceivingAccount()), null, files.errors(upload, request), model);
    }

    @PostMapping(CREATE)
    String create(@ModelAttribute("form") NewFeeClaim form, BindingResult binding,
            @RequestParam(required = false) String loan,
            @RequestParam(name = ClaimMaterials.FIELD, required = false) List<MultipartFile> uploads,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.getAccount() == null) {
            form.setAccount(new ReceivingAccount());
        }
        selectLoan(form, loan);
        FormErrors errors = FormErrors.none();
        binding.getFieldErrors().forEach(e -> byField(errors, e.getField(),
                problems.text(request, "fee.invalid." + e.getField(), problems.text(request, "violation.invalid",
                        "invalid"))));
        forms.validate(request, form).fields().forEach((field, message) -> byField(errors, field, message));
        List<MultipartFile> invoices = ClaimMaterials.chosen(uploads);
        if (invoices.isEmpty()) {
            files.required(request, "materials.invoiceRequired").fields().forEach(errors::field);
        }
        if (errors.any()) {
            response.setStatus(422);
            return show(form, loan, errors, model);
        }
        long[] created = new long[1];
        FormErrors refused = files.withFiles(MaterialSubject.Purpose.INVOICE, invoices, () -> {
            created[0] = fees.claim(FeeSubsidies.FeeClaimForm.of(form)).claim().id();
            return created[0];
        }, request, response);
        if (refused.any()) {
            FormErrors shown = FormErrors.none();
            refused.general().forEach(shown::general);
            refused.fields().forEach((field, message) -> byField(shown, field, message));
            return show(form, loan, shown, model);
        }
        return "redirect:" + SubsidyPages.CLAIMS + "/" + created[0] + "?done=feeClaimed";
    }

    /** The loan's select sends "bankId:externalId", both halves of the loan's key in the contract. */
    private static void selectLoan(NewFeeClaim form, String loan) {
        int colon = loan == null ? -1 : loan.indexOf(':');
        if (colon > 0 && loan.substring(0, colon).chars().allMatch(Character::isDigit) && colon < 19) {
            form.setBankId(Long.valueOf(loan.substring(0, colon)));
            form.setLoanExternalId(loan.substring(colon + 1));
        }
    }

    /** A message by its field; the loan's two key halves are one select on the form. */
    private static void byField(FormErrors errors, String field, String message) {
        errors.field(field.equals("bankId") || field.equals("loanExternalId") ? "loan" : field, message);
    }

    private String show(NewFeeClaim form, String loan, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("loan", loan);
        model.addAttribute("choices", fees.choices());
        model.addAttribute("kinds", FeeKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("maxFileMb", files.maxSizeInMegabytes());
        return "subsidy/fee-claim";
    }
}
