package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 申报材料, 批量审核 and 消息中心 in a real browser: an SME declares its claim with a PDF (a file whose content is not
 * an accepted type is refused by the file field, as is an upload over the multipart limit, and nothing is declared);
 * the district reviewer opens the file from the claim's page (the viewing audited), then approves two claims from the
 * list at once, with a stale third one refused and the reason shown; the SME finds the approval in its message centre
 * and in its mailbox (a real SMTP server, GreenMail); a fee claim is made with its invoice. Every page is
 * screenshotted and scanned with axe-core.
 */
class ClaimMaterialsConsoleTest extends SubsidyTestSupport {

    private static final int SMTP_PORT = freePort();
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("ipf.notifications.mail.scheduled", () -> "false");
    }

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    /** The borrowers' computed 2025-Q3 claims (one programme, one run); answers their ids in order. */
    private List<Long> computedClaims(String admin, long programmeId, Bank bank, Borrower... borrowers)
            throws Exception {
        for (Borrower b : borrowers) {
            String ref = loan(bank, b, b.patentId(), Terms.standard(d("2025-06-10"), "1000000.00", "0.0345"));
            payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "1000000.00", "2875.00", d("2025-07-15"));
        }
        completedRun(admin, programmeId, "2025-Q3");
        return Arrays.stream(borrowers).map(b -> claimOf(admin, programmeId, b.enterpriseId(), "2025-Q3")
                .get("claimId").asLong()).toList();
    }

    private String status(long claimId) {
        return jdbc.queryForObject("SELECT status FROM subsidy_claim WHERE id = ?", String.class, claimId);
    }

    private static Path file(String name, byte[] content) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "uploads"));
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillDeclaration() {
        browser.type("#account-name", "青岛测试科技有限公司").type("#account-bank", "青岛银行市南支行")
                .type("#account-number", "802880200012345");
        if (!browser.find("#noDoubleSubsidy").isSelected()) {
            browser.click("#noDoubleSubsidy");
        }
    }

    @Test
    void anSmeDeclaresWithAPdfAndTheReviewerViewsItAndApprovesTwoClaimsAtOnce() throws Exception {
        Region region = region();
        String admin = adminToken();
        long programmeId = programme(admin, region.city(), "1000000.00", null);
        Bank bank = lender(admin);
        Borrower b = borrower(region.district(), true);
        Borrower second = borrower(region.district(), true);
        Borrower stale = borrower(region.district(), true);
        List<Long> ids = computedClaims(admin, programmeId, bank, b, second, stale);
        long claimId = ids.get(0);
        long secondId = ids.get(1);
        long staleId = ids.get(2);
        String smeAddress = b.sme().username() + "@example.cn";

        // the SME gives its address in the message centre
        browser.signIn(b.sme().username(), PASSWORD).click("nav a[href='/console/messages']");
        browser.type("#email", "not-an-address").click("form[action$='/email'] button");
        assertThat(browser.find("#email-error").getText()).contains("电子邮箱");
        browser.check("claims-01-sme-email-error");
        browser.type("#email", smeAddress).click("form[action$='/email'] button");
        assertThat(browser.text()).contains("已保存邮箱");

        // a file whose content is no PDF, OFD, JPEG or PNG is refused by the file field; nothing is declared
        browser.open("/console/subsidy/claims/" + claimId);
        fillDeclaration();
        browser.find("#files").sendKeys(file("申报书.pdf", "plain text, named .pdf".getBytes(StandardCharsets.UTF_8))
                .toAbsolutePath().toString());
        browser.click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.find("#files-error").getText()).contains("申报书.pdf", "不是 PDF、OFD、JPEG 或 PNG");
        assertThat(browser.find("#files").getAttribute("aria-describedby")).contains("files-error");
        assertThat(browser.find("#error-summary").getText()).contains("申报书.pdf");
        assertThat(status(claimId)).isEqualTo("COMPUTED");
        assertThat(count("material WHERE subject_kind = 'SUBSIDY_CLAIM' AND subject_id = " + claimId)).isZero();
        browser.check("claims-02-sme-wrong-type");

        // the real PDF: declared with it, listed with its type, size and SHA-256
        fillDeclaration();
        browser.find("#files").sendKeys(file("申报书.pdf", PDF).toAbsolutePath().toString());
        browser.click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.text()).contains("申报已提交", "待区县审核", "申报材料", "申报书.pdf", "PDF");
        assertThat(status(claimId)).isEqualTo("DECLARED");
        assertThat(jdbc.queryForObject("SELECT file_type FROM material WHERE subject_kind = 'SUBSIDY_CLAIM' "
                + "AND subject_id = ?", String.class, claimId)).isEqualTo("PDF");
        browser.check("claims-03-sme-declared-with-pdf");
        http.with(second.sme().token()).post(CLAIMS + "/" + secondId + "/declaration", declaration());

        // the reviewer: the unread count in the menu, the file on the claim's page, opened in the browser
        browser.signOut();
        browser.signIn(districtReviewer(region.district()).username(), PASSWORD);
        assertThat(browser.find("nav a[href='/console/messages'] .badge").getText()).matches("\\d+");
        browser.open("/console/subsidy/claims/" + claimId);
        assertThat(browser.text()).contains("申报材料", "申报书.pdf", "区级审核通过");
        browser.check("claims-04-reviewer-sees-file");
        String href = browser.find("a[href*='/materials/']").getAttribute("href");
        Object fetched = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition') + ' ' + b.byteLength)),"
                + " e => done('error ' + e));", href);
        assertThat(String.valueOf(fetched)).startsWith("200 application/pdf inline").endsWith(" " + PDF.length);
        long materialId = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        assertThat(count("audit_event WHERE action = 'MATERIAL_VIEWED' AND entity_id = '" + materialId + "'"))
                .isEqualTo(1);

        // bulk approval: select all on the page; a claim that is no longer waiting (stale page) is refused, saying why
        browser.open("/console/subsidy/claims?status=DECLARED");
        assertThat(browser.all("input[name=claimId]")).hasSize(2);
        browser.click("#select-all");
        assertThat(browser.all("input[name=claimId]")).allMatch(box -> box.isSelected());
        browser.check("claims-05-reviewer-bulk-select");
        browser.driver().executeScript("const i = document.createElement('input'); i.type = 'hidden';"
                + "i.name = 'claimId'; i.value = arguments[0]; document.getElementById('bulk').appendChild(i);",
                String.valueOf(staleId));
        browser.click("#bulk button[type=submit]");
        String result = browser.text();
        assertThat(result).contains("批量审核结果", "已批准 2 笔，未批准 1 笔", "SC" + claimId, "SC" + secondId,
                "SC" + staleId);
        assertThat(browser.find("#refused-heading").getText()).contains("未批准");
        // why, in words: no state or action codes on the page
        assertThat(result).contains("此事项当前的状态不允许这一操作").doesNotContain("COMPUTED", "DISTRICT_APPROVE");
        assertThat(status(claimId)).isEqualTo("DISTRICT_APPROVED");
        assertThat(status(secondId)).isEqualTo("DISTRICT_APPROVED");
        assertThat(status(staleId)).isEqualTo("COMPUTED");
        assertThat(count("audit_event WHERE action = 'SUBSIDY_CLAIM_DISTRICT_APPROVED' AND entity_id IN ('"
                + claimId + "', '" + secondId + "')")).isEqualTo(2);
        browser.check("claims-06-reviewer-bulk-result");

        // the SME: the change in its message centre, marked read, and in its mailbox
        browser.signOut();
        browser.signIn(b.sme().username(), PASSWORD);
        assertThat(browser.find("nav a[href='/console/messages'] .badge").getText()).isNotBlank();
        browser.click("nav a[href='/console/messages']");
        assertThat(browser.text()).contains("补贴申报已通过区县审核", "SC" + claimId);
        browser.check("claims-07-sme-messages");
        browser.click("form[action$='/read-all'] button");
        assertThat(browser.text()).contains("全部消息已标为已读", "0 条未读消息");
        assertThat(browser.all("nav a[href='/console/messages'] .badge")).isEmpty();

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessagesForDomain(smeAddress))
                .filter(m -> subject(m).contains("补贴申报已通过区县审核")).findFirst()
                .orElseGet(() -> awaitMail(smeAddress, "补贴申报已通过区县审核"));
        assertThat(GreenMailUtil.getBody(mail)).isNotEmpty();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(smeAddress);
    }

    @Test
    void uploadsOverTheLimitAreRefusedByTheFieldAndAFeeClaimCarriesItsInvoice() throws Exception {
        Region region = region();
        String admin = adminToken();
        long programmeId = programme(admin, region.city(), "1000000.00", null);
        Bank bank = lender(admin);
        Borrower b = borrower(region.district(), true);
        long claimId = computedClaims(admin, programmeId, bank, b).get(0);

        // over the 16 MB multipart limit (per file): the form's own message by the file field, not an error page
        browser.signIn(b.sme().username(), PASSWORD).open("/console/subsidy/claims/" + claimId);
        fillDeclaration();
        byte[] big = new byte[16 * 1024 * 1024 + 512 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        browser.find("#files").sendKeys(file("扫描件.pdf", big).toAbsolutePath().toString());
        browser.click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.find("#files-error").getText()).contains("文件过大", "MB");
        assertThat(browser.text()).contains("SC" + claimId, "申报贴息");
        assertThat(status(claimId)).isEqualTo("COMPUTED");
        browser.check("claims-08-sme-upload-too-large");

        // a fee claim: the invoice is required, then filed with it
        long appraisalId = http.with(b.sme().token()).post(LIB + "/" + b.enterpriseId() + "/appraisals", Map.of(
                "assetKind", "PATENT", "assetId", b.patentId(), "appraisedValue", 3_000_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("TH-PG"), "appraisedOn", "2025-06-01"))
                .json().get("appraisalId").asLong();
        browser.open("/console/subsidy/claims").follow("申请费用补贴");
        browser.driver().executeScript("document.getElementById('appraisalId').value = arguments[0];",
                String.valueOf(appraisalId));
        browser.type("#invoiceNo", "FP" + System.nanoTime() % 1_000_000).type("#invoiceIssuer", "青岛天和资产评估有限公司")
                .type("#invoiceDate", "2025-06-20").type("#invoiceAmount", "80000.00");
        fillDeclaration();
        browser.click("form[action*='fee-claims'] button[type=submit]");
        assertThat(browser.find("#files-error").getText()).contains("请上传发票");
        browser.check("claims-09-sme-fee-claim-errors");
        browser.find("#files").sendKeys(file("发票.png", PNG).toAbsolutePath().toString());
        if (!browser.find("#noDoubleSubsidy").isSelected()) {
            browser.click("#noDoubleSubsidy");
        }
        browser.click("form[action*='fee-claims'] button[type=submit]");
        assertThat(browser.text()).contains("费用补贴申请已提交", "评估费补贴", "¥40,000.00", "发票.png", "发票");
        assertThat(browser.path()).startsWith("/console/subsidy/claims/");
        browser.check("claims-10-sme-fee-claimed");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mailer sends after the commit on its own thread: wait for the mail with this subject. */
    private static MimeMessage awaitMail(String address, String subject) {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage m : SMTP.getReceivedMessagesForDomain(address)) {
                if (subject(m).contains(subject)) {
                    return m;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail '" + subject + "' to " + address);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
