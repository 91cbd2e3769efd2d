package cn.ipf.app.notification;

import cn.ipf.app.notification.policy.NotificationEvent;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A message's title and body in one language, from {@code message.EVENT.*} and the stored arguments. */
@Component
class MessageTexts {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final JsonMapper json;

    MessageTexts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    record Text(String title, String body) {
    }

    Text render(String event, String args, Locale locale) {
        NotificationEvent e = NotificationEvent.valueOf(event);
        Object[] values = json.readValue(args, new TypeReference<List<String>>() { }).toArray();
        return new Text(messages.getMessage(e.titleKey(), values, event, locale),
                messages.getMessage(e.bodyKey(), values, "", locale));
    }

    String write(List<String> args) {
        return json.writeValueAsString(args);
    }
}
