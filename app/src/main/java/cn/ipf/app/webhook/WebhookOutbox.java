package cn.ipf.app.webhook;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 事件发件箱 transactional outbox of webhook events: an event is written in the transaction of the change it reports,
 * so it is sent if and only if that change commits; {@link WebhookDispatcher} sends it afterwards, at least once.
 */
@Service
public class WebhookOutbox {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final WebhookDeliveryMapper mapper;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookOutbox(WebhookDeliveryMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues {@code data} as a {@code type} event for every enabled endpoint of the bank. The request body is fixed
     * here, {@code {"type": …, "timestamp": ISO-8601 UTC, "data": …}}, and sent unchanged on every attempt.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(long bankId, WebhookEventType type, Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", now.toString());
        body.put("data", data);
        GeneratedId key = new GeneratedId();
        mapper.insertEvent(messageId(now), bankId, type.wireName(), json.writeValueAsString(body), now, key);
        mapper.fanOut(key.getId(), bankId, now);
    }

    /** {@code msg_} + a ULID: 48 bits of milliseconds and 80 random bits in Crockford Base32, so ids sort by time. */
    private String messageId(Instant at) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        long millis = at.toEpochMilli();
        for (int i = 0; i < 6; i++) {
            bits[i] = (byte) (millis >>> (40 - 8 * i));
        }
        BigInteger value = new BigInteger(1, bits);
        char[] ulid = new char[26];
        for (int i = 25; i >= 0; i--) {
            ulid[i] = CROCKFORD[value.intValue() & 31];
            value = value.shiftRight(5);
        }
        return "msg_" + new String(ulid);
    }
}
