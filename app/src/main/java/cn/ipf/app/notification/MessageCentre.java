package cn.ipf.app.notification;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own messages (消息中心): read newest first by keyset, marked read, and the e-mail address they
 * are also sent to. A person only ever reaches their own rows (another user's message id is 404).
 */
@Service
public class MessageCentre {

    private final NotificationMapper mapper;
    private final MessageTexts texts;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    MessageCentre(NotificationMapper mapper, MessageTexts texts, AccessPolicy access, AuditTrail audit,
            Clock clock) {
        this.mapper = mapper;
        this.texts = texts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A message with its text in the reader's language. */
    public record Message(NotificationRow row, String title, String body) {
    }

    /** A page of messages; {@code nextCursor} is null on the last page. */
    public record Page(List<Message> items, long unreadCount, Long nextCursor) {
    }

    public Page page(boolean unreadOnly, Long cursor, int size, Locale locale) {
        long userId = access.caller().userId();
        List<NotificationRow> rows = mapper.page(userId, unreadOnly, cursor, size + 1);
        boolean more = rows.size() > size;
        List<NotificationRow> shown = more ? rows.subList(0, size) : rows;
        List<Message> items = shown.stream().map(r -> {
            MessageTexts.Text t = texts.render(r.event(), r.args(), locale);
            return new Message(r, t.title(), t.body());
        }).toList();
        return new Page(items, mapper.unreadCount(userId), more ? shown.get(size - 1).id() : null);
    }

    /** How many of the caller's messages are unread (the menu's badge). */
    public long unreadCount() {
        return mapper.unreadCount(access.caller().userId());
    }

    /** Marks one of the caller's messages read; reading it again changes nothing. */
    @Transactional
    public void markRead(long messageId) {
        long userId = access.caller().userId();
        if (!mapper.exists(userId, messageId)) {
            throw new ApiException(ErrorCode.MESSAGE_NOT_FOUND, messageId);
        }
        mapper.markRead(userId, messageId, clock.instant());
    }

    @Transactional
    public void markAllRead() {
        mapper.markAllRead(access.caller().userId(), clock.instant());
    }

    /** The caller's address, or null. */
    public String email() {
        return mapper.email(access.caller().userId());
    }

    /** Sets (or, with null, clears) the caller's address; audited. */
    @Transactional
    public String setEmail(String email) {
        long userId = access.caller().userId();
        mapper.setEmail(userId, email);
        Map<String, Object> changes = new HashMap<>();
        changes.put("email", email);
        audit.record("USER_EMAIL_CHANGED", "USER", userId, changes);
        return email;
    }
}
