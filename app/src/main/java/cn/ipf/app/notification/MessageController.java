package cn.ipf.app.notification;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.Message;
import cn.ipf.api.model.MessageEvent;
import cn.ipf.api.model.MessagePage;
import cn.ipf.api.model.NotificationEmail;
import cn.ipf.api.server.MessagesApi;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController implements MessagesApi {

    private final MessageCentre centre;
    /** A provider: the request exists only in the servlet application, not in a command-line run. */
    private final ObjectProvider<HttpServletRequest> request;

    MessageController(MessageCentre centre, ObjectProvider<HttpServletRequest> request) {
        this.centre = centre;
        this.request = request;
    }

    @Override
    public ResponseEntity<MessagePage> listMessages(Boolean unreadOnly, String cursor, Integer size) {
        MessageCentre.Page page = centre.page(Boolean.TRUE.equals(unreadOnly),
                cursor == null ? null : Long.valueOf(cursor), size == null ? 20 : size,
                Problems.localeOf(request.getObject()));
        return ResponseEntity.ok(new MessagePage()
                .items(page.items().stream().map(MessageController::view).toList())
                .unreadCount(page.unreadCount())
                .nextCursor(page.nextCursor() == null ? null : page.nextCursor().toString()));
    }

    @Override
    public ResponseEntity<Void> markMessageRead(Long messageId) {
        centre.markRead(messageId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> markAllMessagesRead() {
        centre.markAllRead();
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<NotificationEmail> getNotificationEmail() {
        return ResponseEntity.ok(new NotificationEmail().email(centre.email()));
    }

    @Override
    public ResponseEntity<NotificationEmail> setNotificationEmail(NotificationEmail body) {
        return ResponseEntity.ok(new NotificationEmail().email(centre.setEmail(body.getEmail())));
    }

    private static Message view(MessageCentre.Message m) {
        NotificationRow r = m.row();
        return new Message().messageId(r.id()).event(MessageEvent.fromValue(r.event()))
                .subjectType(Message.SubjectTypeEnum.fromValue(r.subjectType())).subjectId(r.subjectId())
                .title(m.title()).body(m.body()).read(r.readAt() != null)
                .readAt(r.readAt() == null ? null : utc(r.readAt())).createdAt(utc(r.createdAt()));
    }
}
