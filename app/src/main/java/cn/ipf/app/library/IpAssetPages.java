package cn.ipf.app.library;

import cn.ipf.api.model.AppraisalForm;
import cn.ipf.api.model.AssetKind;
import cn.ipf.api.model.GeographicalIndicationForm;
import cn.ipf.api.model.HighValueMarkers;
import cn.ipf.api.model.PatentForm;
import cn.ipf.api.model.PatentLegalStatus;
import cn.ipf.api.model.TrademarkForm;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.library.policy.PatentType;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 知识产权 in the console: the SME's patents (with the latest appraisal), trademarks and geographical indications,
 * a form to record each, and an asset's page with its appraisal report (评估报告) form. The same
 * {@link IpAssetService} steps as the API; a patent number whose check digit is wrong is explained by the field,
 * with the digit it should have. An asset of another enterprise is not found.
 */
@ConsolePage
class IpAssetPages implements ConsoleMenu {

    static final String ASSETS = "/console/enterprise/assets";

    /** The kinds of asset as they appear in URLs, and the appraisal's asset kind of each. */
    private static final Map<String, AssetKind> KINDS = Map.of("patents", AssetKind.PATENT,
            "trademarks", AssetKind.TRADEMARK, "indications", AssetKind.GEOGRAPHICAL_INDICATION);

    private final IpAssetService assets;
    private final AccessPolicy access;
    private final LibraryForms forms;

    IpAssetPages(IpAssetService assets, AccessPolicy access, LibraryForms forms) {
        this.assets = assets;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(ASSETS)
    String list(@RequestParam(required = false) String done, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        Map<Long, IpAssetMapper.AppraisalRow> appraisals = assets.latestPatentAppraisals(id);
        model.addAttribute("patents", assets.patents(id));
        model.addAttribute("appraisals", appraisals);
        model.addAttribute("trademarks", assets.trademarks(id));
        model.addAttribute("indications", assets.indications(id));
        model.addAttribute("done", done);
        return "library/assets";
    }

    @GetMapping(ASSETS + "/{kind}/new")
    String newAsset(@PathVariable String kind, Model model) {
        LibraryAccess.ownEnterprise(access.caller());
        Object form = switch (kindOf(kind)) {
            case PATENT -> new PatentForm().highValue(new HighValueMarkers());
            case TRADEMARK -> new TrademarkForm();
            case GEOGRAPHICAL_INDICATION -> new GeographicalIndicationForm();
        };
        return showNew(kind, form, FormErrors.none(), model);
    }

    @PostMapping(ASSETS + "/patents")
    String addPatent(@ModelAttribute("form") PatentForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        if (form.getHighValue() == null) {
            form.setHighValue(new HighValueMarkers());
        }
        return add("patents", form, binding, request, response, model, () -> {
            HighValueMarkers hv = form.getHighValue();
            return assets.addPatent(id, new IpAssetService.NewPatent(form.getApplicationNo(),
                    PatentType.valueOf(form.getType().getValue()), form.getTitle(), form.getFilingDate(),
                    form.getGrantDate(), form.getExpiryDate(), form.getLegalStatus().getValue(),
                    form.getIpcMainClass(), List.of(), Boolean.TRUE.equals(
                            hv.getStrategicEmergingIndustry()), Boolean.TRUE.equals(hv.getForeignFamilyMember()),
                    Boolean.TRUE.equals(hv.getMaintainedOverTenYears()), Boolean.TRUE.equals(hv.getAward()))).id();
        });
    }

    @PostMapping(ASSETS + "/trademarks")
    String addTrademark(@ModelAttribute("form") TrademarkForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        return add("trademarks", form, binding, request, response, model, () -> assets.addTrademark(id,
                form.getRegistrationNo(), form.getMarkName(), form.getNiceClass(), form.getValidUntil()).id());
    }

    @PostMapping(ASSETS + "/indications")
    String addIndication(@ModelAttribute("form") GeographicalIndicationForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        return add("indications", form, binding, request, response, model, () -> assets.addIndication(id,
                form.getRegistrationNo(), form.getName(), form.getValidUntil()).id());
    }

    /** Validates the form, records the asset and opens its page; or shows the form again with what is wrong. */
    private String add(String kind, Object form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model, Supplier<Long> record) {
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                return "redirect:" + ASSETS + "/" + kind + "/" + record.get() + "?done=added";
            } catch (ApiException e) {
                errors = refusal(request, e, form);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        return showNew(kind, form, errors, model);
    }

    /**
     * The service's refusal; a patent number refused for its check digit says by the field how the digit is
     * computed and which one the number should have, as a person would check it on the certificate.
     */
    private FormErrors refusal(HttpServletRequest request, ApiException e, Object form) {
        if (e.code() == ErrorCode.PATENT_NUMBER_INVALID && form instanceof PatentForm p) {
            String message = CnPatentNumber.correctCheck(p.getApplicationNo())
                    .map(digit -> forms.text(request, "smelib.patent.checkDigit", String.valueOf(digit),
                            p.getApplicationNo()))
                    .orElseGet(() -> forms.text(request, "smelib.patent.malformed"));
            return FormErrors.none().field("applicationNo", message);
        }
        if (e.code() == ErrorCode.PATENT_TYPE_MISMATCH) {
            return FormErrors.none().field("type", forms.text(request, "smelib.patent.typeMismatch"));
        }
        return forms.refusal(request, e);
    }

    private String showNew(String kind, Object form, FormErrors errors, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("patentTypes", cn.ipf.api.model.PatentType.values());
        model.addAttribute("legalStatuses", PatentLegalStatus.values());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "library/asset-new";
    }

    /** An asset's page: its facts and its appraisal form. Another enterprise's asset is not found. */
    @GetMapping(ASSETS + "/{kind}/{assetId}")
    String asset(@PathVariable String kind, @PathVariable long assetId,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return showAsset(kind, assetId, new AppraisalForm(), FormErrors.none(), model);
    }

    @PostMapping(ASSETS + "/{kind}/{assetId}/appraisals")
    String addAppraisal(@PathVariable String kind, @PathVariable long assetId,
            @ModelAttribute("form") AppraisalForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        form.assetKind(kindOf(kind)).assetId(assetId);
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                assets.addAppraisal(id, form.getAssetKind().getValue(), assetId, form.getAppraisedValue(),
                        form.getAppraiser(), form.getReportNo(), form.getAppraisedOn());
                return "redirect:" + ASSETS + "/" + kind + "/" + assetId + "?done=appraised";
            } catch (ApiException e) {
                errors = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        return showAsset(kind, assetId, form, errors, model);
    }

    private String showAsset(String kind, long assetId, AppraisalForm form, FormErrors errors, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        Object asset = switch (kindOf(kind)) {
            case PATENT -> assets.patents(id).stream().filter(p -> p.id() == assetId).findFirst().orElse(null);
            case TRADEMARK -> assets.trademarks(id).stream().filter(t -> t.id() == assetId).findFirst().orElse(null);
            case GEOGRAPHICAL_INDICATION -> assets.indications(id).stream().filter(g -> g.id() == assetId)
                    .findFirst().orElse(null);
        };
        if (asset == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        model.addAttribute("kind", kind);
        model.addAttribute("asset", asset);
        model.addAttribute("appraisal", kindOf(kind) == AssetKind.PATENT
                ? assets.latestPatentAppraisals(id).get(assetId) : null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "library/asset";
    }

    private static AssetKind kindOf(String kind) {
        AssetKind assetKind = KINDS.get(kind);
        if (assetKind == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        return assetKind;
    }

    @Override
    public List<Item> items(Caller caller) {
        return caller.is(Role.SME) && caller.enterpriseId() != null
                ? List.of(new Item(12, "smelib.menu.assets", ASSETS)) : List.of();
    }
}
