package cn.ipf.app.notification;

import cn.ipf.api.model.NotificationEmail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.notification.policy.NotificationEvent;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 消息中心 in the console: the signed-in person's messages about every status change, newest first, with the unread
 * count in the menu; opening a message marks it read and leads to what it is about; the e-mail address messages are
 * also sent to. The same {@link MessageCentre} as the API: a person only reaches their own messages.
 */
@ConsolePage
class MessagePages implements ConsoleMenu {

    static final String MESSAGES = "/console/messages";
    private static final int PAGE_SIZE = 20;

    private final MessageCentre centre;
    private final ConsoleForms forms;

    MessagePages(MessageCentre centre, ConsoleForms forms) {
        this.centre = centre;
        this.forms = forms;
    }

    @GetMapping(MESSAGES)
    String list(@RequestParam(required = false) Boolean unread, @RequestParam(required = false) Long before,
            @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        return show(Boolean.TRUE.equals(unread), before, done, centre.email(), FormErrors.none(), request, model);
    }

    /** Marks the message read and opens what it is about. */
    @PostMapping(MESSAGES + "/{messageId}/read")
    String read(@PathVariable long messageId, @RequestParam(required = false) String open) {
        centre.markRead(messageId);
        return "redirect:" + (open != null && open.startsWith("/console/") ? open : MESSAGES + "?done=read");
    }

    @PostMapping(MESSAGES + "/read-all")
    String readAll() {
        centre.markAllRead();
        return "redirect:" + MESSAGES + "?done=allRead";
    }

    /** Sets the address, checked as the contract's {@link NotificationEmail} (blank: in-app only). */
    @PostMapping(MESSAGES + "/email")
    String email(@RequestParam(required = false) String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String address = email == null || email.isBlank() ? null : email.strip();
        FormErrors errors = forms.validate(request, new NotificationEmail().email(address));
        if (errors.any()) {
            response.setStatus(422);
            return show(false, null, null, address, errors, request, model);
        }
        centre.setEmail(address);
        return "redirect:" + MESSAGES + "?done=" + (address == null ? "emailCleared" : "emailSet");
    }

    private String show(boolean unreadOnly, Long before, String done, String email, FormErrors errors,
            HttpServletRequest request, Model model) {
        MessageCentre.Page page = centre.page(unreadOnly, before, PAGE_SIZE, Problems.localeOf(request));
        model.addAttribute("messages", page.items().stream().map(m -> new Shown(m, link(m.row()))).toList());
        model.addAttribute("unreadCount", page.unreadCount());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("unreadOnly", unreadOnly);
        model.addAttribute("done", done);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "notification/messages";
    }

    /** A message with the page it is about. */
    record Shown(MessageCentre.Message message, String link) {
    }

    /** The console page of the message's subject; null where there is none for the reader (yet). */
    private static String link(NotificationRow row) {
        return switch (NotificationEvent.Subject.valueOf(row.subjectType())) {
            case SUBSIDY_CLAIM -> "/console/subsidy/claims/" + row.subjectId();
            case ENTERPRISE, LOAN_APPLICATION, COMPENSATION_CLAIM -> null;
        };
    }

    @Override
    public List<Item> items(Caller caller) {
        return List.of(new Item(90, "messages.menu", MESSAGES, centre.unreadCount()));
    }
}
