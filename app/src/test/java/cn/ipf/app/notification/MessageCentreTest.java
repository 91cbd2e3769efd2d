package cn.ipf.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 消息中心 end to end: an enterprise's admission through both review levels leaves messages for the SME and the
 * reviewers who act next, in Chinese or English by Accept-Language, read and marked read through the API (one's own
 * only), and e-mailed after commit through a real SMTP server (GreenMail) to users who gave an address.
 */
class MessageCentreTest extends LibraryTestSupport {

    private static final int SMTP_PORT = freePort();
    private static final String MESSAGES = "/api/v1/me/messages";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("ipf.notifications.mail.scheduled", () -> "false");
    }

    @Test
    void anAdmissionTellsTheSmeAndTheNextReviewersInAppAndByMail() throws Exception {
        String district = "370202";
        Person sme = person(Role.SME, null, null, null);
        String smeAddress = sme.username() + "@example.cn";
        Http.Response set = http.with(sme.token()).put("/api/v1/me/email", Map.of("email", smeAddress));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(http.with(sme.token()).get("/api/v1/me/email").json().get("email").asString())
                .isEqualTo(smeAddress);
        Person reviewer = districtReviewer(district);
        String reviewerAddress = reviewer.username() + "@example.cn";
        http.with(reviewer.token()).put("/api/v1/me/email", Map.of("email", reviewerAddress));

        long enterpriseId = register(sme.token(), strongProfile(uscc(district), district)).get("enterpriseId")
                .asLong();
        addInvention(sme.token(), enterpriseId, false);
        admit(enterpriseId, district);

        JsonNode mine = http.with(sme.token()).get(MESSAGES).json();
        assertThat(events(mine)).containsExactly("ADMISSION_ADMITTED", "ADMISSION_DISTRICT_APPROVED");
        assertThat(mine.get("unreadCount").asLong()).isEqualTo(2);
        JsonNode admitted = mine.get("items").get(0);
        assertThat(admitted.get("title").asString()).isEqualTo("已正式入库");
        assertThat(admitted.get("body").asString()).contains(enterpriseName(enterpriseId));
        assertThat(admitted.get("subjectType").asString()).isEqualTo("ENTERPRISE");
        assertThat(admitted.get("subjectId").asLong()).isEqualTo(enterpriseId);
        assertThat(admitted.get("read").asBoolean()).isFalse();
        assertThat(http.with(sme.token()).header("Accept-Language", "en").get(MESSAGES).json().get("items").get(0)
                .get("title").asString()).isEqualTo("Admitted to the project library");

        JsonNode reviewers = http.with(reviewer.token()).get(MESSAGES + "?unreadOnly=true&size=200").json();
        assertThat(reviewers.get("items").findValuesAsString("event")).contains("ADMISSION_SUBMITTED");

        long messageId = admitted.get("messageId").asLong();
        assertThat(http.with(reviewer.token()).post(MESSAGES + "/" + messageId + "/read", null).code())
                .as("another user's message").isEqualTo("MESSAGE_NOT_FOUND");
        assertThat(http.with(sme.token()).post(MESSAGES + "/" + messageId + "/read", null).status()).isEqualTo(204);
        assertThat(http.with(sme.token()).post(MESSAGES + "/" + messageId + "/read", null).status()).isEqualTo(204);
        JsonNode afterRead = http.with(sme.token()).get(MESSAGES).json();
        assertThat(afterRead.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(afterRead.get("items").get(0).get("read").asBoolean()).isTrue();
        JsonNode page = http.with(sme.token()).get(MESSAGES + "?size=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(events(http.with(sme.token()).get(MESSAGES + "?size=1&cursor="
                + page.get("nextCursor").asString()).json())).containsExactly("ADMISSION_DISTRICT_APPROVED");
        assertThat(http.with(sme.token()).post(MESSAGES + "/read-all", null).status()).isEqualTo(204);
        assertThat(http.with(sme.token()).get(MESSAGES).json().get("unreadCount").asLong()).isZero();

        // sent after commit on the mailer's thread: wait for both of the SME's mails
        List<MimeMessage> toSme = mailsTo(smeAddress, 2);
        assertThat(toSme).extracting(MimeMessage::getSubject).contains("已正式入库 / Admitted to the project library");
        String body = GreenMailUtil.getBody(toSme.get(0));
        assertThat(body).isNotBlank();
        assertThat(mailsTo(reviewerAddress, 1).get(0).getSubject()).startsWith("入库申请待初审");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.id = ? AND n.mail_status = 'SENT'", Long.class, sme.id())).isEqualTo(2);
    }

    @Test
    void withoutAnAddressMessagesStayInApp() {
        Person sme = person(Role.SME, null, null, null);
        assertThat(http.with(sme.token()).put("/api/v1/me/email", Map.of("email", "not an address")).code())
                .isEqualTo("VALIDATION_FAILED");
        http.with(sme.token()).put("/api/v1/me/email", Map.of("email", "x@example.cn"));
        assertThat(http.with(sme.token()).put("/api/v1/me/email", Map.of()).status()).as("cleared").isEqualTo(200);
        assertThat(http.with(sme.token()).get("/api/v1/me/email").json().has("email")).isFalse();

        String district = "370211";
        long enterpriseId = register(sme.token(), strongProfile(uscc(district), district)).get("enterpriseId")
                .asLong();
        addInvention(sme.token(), enterpriseId, false);
        admit(enterpriseId, district);
        assertThat(events(http.with(sme.token()).get(MESSAGES).json())).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE user_id = ?"
                + " AND mail_status IS NOT NULL", Long.class, sme.id())).isZero();
    }

    private String enterpriseName(long enterpriseId) {
        return jdbc.queryForObject("SELECT name FROM enterprise WHERE id = ?", String.class, enterpriseId);
    }

    private static List<String> events(JsonNode page) {
        return page.get("items").findValuesAsString("event");
    }

    /** Waits (bounded) until {@code count} mails to the address have arrived, and answers them. */
    private static List<MimeMessage> mailsTo(String address, int count) throws Exception {
        for (int i = 0; i < 300; i++) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address))) {
                    found.add(m);
                }
            }
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " mails to " + address);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
