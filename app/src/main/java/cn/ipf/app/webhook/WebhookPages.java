package cn.ipf.app.webhook;

import cn.ipf.api.model.NewWebhookEndpoint;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 回调地址 a bank officer's webhook endpoints and 投递记录 delivery log in the console, through the same
 * {@link WebhookEndpoints} and {@link WebhookDeliveries} as the bank API: register an endpoint (the contract's
 * {@link NewWebhookEndpoint} constraints, then the service's URL check), rotate its secret, disable or enable it; read
 * the deliveries with the API's filters and ask for a redelivery. A new secret is shown once, on the page answering
 * the form (no-store). Only the officer's own bank: another bank's endpoint or delivery is the 404 page.
 */
@ConsolePage
class WebhookPages implements ConsoleMenu {

    static final String ENDPOINTS = "/console/bank/webhooks";
    static final String DELIVERIES = ENDPOINTS + "/deliveries";
    private static final int PAGE_SIZE = 20;
    /** The contract's cursor pattern; anything else starts from the newest. */
    private static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{0,17}");
    private static final List<String> STATUSES = List.of(WebhookDelivery.PENDING, WebhookDelivery.SUCCEEDED,
            WebhookDelivery.FAILED);

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    WebhookPages(WebhookEndpoints endpoints, WebhookDeliveries deliveries, AccessPolicy access, ConsoleForms forms) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(ENDPOINTS)
    String endpoints(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return endpointsPage(bank(), new NewWebhookEndpoint(), FormErrors.none(), null, model);
    }

    @PostMapping(ENDPOINTS)
    String register(@ModelAttribute("form") NewWebhookEndpoint form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long bankId = bank();
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                return issued(bankId, endpoints.register(bankId, form.getUrl(), blankAsNull(form.getDescription())),
                        "registered", response, model);
            } catch (ApiException e) {
                response.setStatus(e.code().status().value());
                // the URL refusals (invalid, or not a public host) say why by the field itself
                errors = e.violations().isEmpty() ? forms.refusal(request, e)
                        : FormErrors.none().field("url", forms.describe(request, e));
            }
        } else {
            response.setStatus(422);
        }
        return endpointsPage(bankId, form, errors, null, model);
    }

    @PostMapping(ENDPOINTS + "/{endpointId}/secret")
    String rotate(@PathVariable long endpointId, HttpServletResponse response, Model model) {
        long bankId = bank();
        return issued(bankId, endpoints.rotateSecret(bankId, endpointId), "rotated", response, model);
    }

    @PostMapping(ENDPOINTS + "/{endpointId}/enabled")
    String setEnabled(@PathVariable long endpointId, @RequestParam boolean enabled) {
        endpoints.setEnabled(bank(), endpointId, enabled);
        return "redirect:" + ENDPOINTS + "?done=" + (enabled ? "enabled" : "disabled");
    }

    /** The API's filters; an unknown status, event type or cursor is ignored rather than refused. */
    @GetMapping(DELIVERIES)
    String deliveries(@RequestParam(required = false) String status, @RequestParam(required = false) String event,
            @RequestParam(required = false) Long endpoint, @RequestParam(required = false) String cursor,
            Model model) {
        long bankId = bank();
        String shownStatus = status != null && STATUSES.contains(status) ? status : null;
        String shownEvent = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName)
                .filter(w -> w.equals(event)).findFirst().orElse(null);
        boolean paged = cursor != null && CURSOR.matcher(cursor).matches();
        Pages.Slice<WebhookDelivery> found = deliveries.search(new WebhookDeliveryMapper.Query(bankId, shownStatus,
                shownEvent, endpoint), Pages.keyset(paged ? cursor : null, PAGE_SIZE));
        model.addAttribute("deliveries", found.items());
        model.addAttribute("nextCursor", found.nextCursor());
        model.addAttribute("paged", paged);
        model.addAttribute("status", shownStatus);
        model.addAttribute("event", shownEvent);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("events", WebhookEventType.values());
        model.addAttribute("endpoints", endpoints.ofBank(bankId));
        return "webhook/deliveries";
    }

    @GetMapping(DELIVERIES + "/{deliveryId}")
    String delivery(@PathVariable long deliveryId, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return deliveryPage(bank(), deliveryId, FormErrors.none(), model);
    }

    /** 重新投递: the same webhook-id and body, a fresh round of retries (409 once the endpoint is deleted). */
    @PostMapping(DELIVERIES + "/{deliveryId}/redelivery")
    String redeliver(@PathVariable long deliveryId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        long bankId = bank();
        return forms.step(() -> deliveries.redeliver(bankId, deliveryId), DELIVERIES + "/" + deliveryId
                + "?done=redelivered", "webhook", request, response,
                errors -> deliveryPage(bankId, deliveryId, errors, model));
    }

    private String deliveryPage(long bankId, long deliveryId, FormErrors errors, Model model) {
        WebhookDeliveries.Details details = deliveries.details(bankId, deliveryId);
        model.addAttribute("d", details.delivery());
        model.addAttribute("payload", details.payload());
        model.addAttribute("attempts", details.attempts());
        // a deleted endpoint is no longer listed: the page then shows its number only
        model.addAttribute("endpoint", endpoints.ofBank(bankId).stream()
                .filter(e -> e.id() == details.delivery().endpointId()).findFirst().orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "webhook/delivery";
    }

    private String issued(long bankId, WebhookEndpoints.Registered issued, String done, HttpServletResponse response,
            Model model) {
        // the secret is in this page only: no cache may keep it
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("done", done);
        return endpointsPage(bankId, new NewWebhookEndpoint(), FormErrors.none(), issued, model);
    }

    private String endpointsPage(long bankId, NewWebhookEndpoint form, FormErrors errors,
            WebhookEndpoints.Registered issued, Model model) {
        model.addAttribute("endpoints", endpoints.ofBank(bankId));
        model.addAttribute("issued", issued);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "webhook/endpoints";
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private long bank() {
        return access.ownBank(access.caller());
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ACT_FOR_BANK) ? List.of(new Item(28, "webhook.menu", ENDPOINTS))
                : List.of();
    }
}
