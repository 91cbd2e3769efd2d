package cn.ipf.app.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 风险补偿审核 in a real browser: a bank files a claim (SDK) with a scan of the judgment among its files; the
 * district reviewer finds it in the queue, reads its gates, evidence and sharing lines, opens the scan (audited) and
 * approves;
 * a city reviewer approves; another claim is returned with a reason the bank can read. Every page is screenshotted
 * and scanned with axe-core.
 */
class CompensationConsoleTest extends CompensationTestSupport {

    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PAGES = "/console/compensation/claims/";

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    private String status(long claimId) {
        return jdbc.queryForObject("SELECT status FROM compensation_claim WHERE id = ?", String.class, claimId);
    }

    /** An upload of a file to the claim through the materials API by the person; answers the material id. */
    private long upload(Person uploader, long claimId, String fileName, byte[] content) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                + "COMPENSATION_EVIDENCE\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/materials/compensation-claims/" + claimId)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + uploader.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Http.Response response = new Http.Response(r.statusCode(), r.headers().map(), r.body());
        assertThat(response.status()).as("upload: %s", response).isEqualTo(201);
        return response.json().get("materialId").asLong();
    }

    private static byte[] scan() throws Exception {
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void theDistrictAndTheCityApproveAClaimAndAnotherIsReturned() throws Exception {
        long p = id(programme(CITY, null));
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "1000000");
        String loanRef = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "0.8",
                Dates.standard());
        long claimId = file(bank, p, loanRef).getClaimId();
        Person reviewer = districtReviewer(DISTRICT);
        long materialId = upload(reviewer, claimId, "判决书扫描件.png", scan());

        browser.signIn(reviewer.username(), PASSWORD);
        browser.follow("风险补偿审核");
        assertThat(browser.text()).contains("风险补偿审核", "待审核", "已退回", "待兑付", "CC" + claimId, "¥800,000.00",
                "待区县审核");
        browser.check("50-compensation-queue");

        browser.follow("CC" + claimId);
        assertThat(browser.text()).contains("风险补偿索赔 CC" + claimId, loanRef, "¥1,000,000.00", "80%",
                "¥800,000.00", "索赔条件核验", "✓ 贷款已放款且已报违约", "✓ 放款时企业已入库", "补偿分担明细",
                "风险补偿资金", "¥320,000.00", "判决书", "（2026）鲁0211民初1234号", "催收记录",
                "查看 判决书扫描件.png", "区级审核通过", "退回");
        browser.check("51-compensation-claim");

        // the scan opens in the browser; who viewed it is audited
        browser.open(PAGES + claimId + "/materials/" + materialId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'MATERIAL_VIEWED'"
                + " AND entity_id = ? AND actor_id = ?", Long.class, Long.toString(materialId),
                Long.toString(reviewer.id()))).isPositive();

        browser.open(PAGES + claimId).click("form[action*='district-approval'] button");
        assertThat(browser.text()).contains("已审核通过。", "待市级审核");
        assertThat(status(claimId)).isEqualTo("DISTRICT_APPROVED");

        browser.signOut();
        browser.signIn(city("city-1").username(), PASSWORD).open(PAGES + claimId);
        browser.click("form[action*='city-approval'] button");
        assertThat(browser.text()).contains("已审核通过。", "待兑付");
        assertThat(status(claimId)).isEqualTo("CITY_APPROVED");
        browser.check("52-compensation-approved");

        // a second claim, returned with the reason: the bank reads it through its API
        String otherRef = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "500000", "1",
                Dates.standard());
        long other = file(bank, p, otherRef).getClaimId();
        browser.open(PAGES + other).click("form[action*='/return'] button.danger");
        assertThat(browser.find("#reason-error").isDisplayed()).isTrue();
        assertThat(status(other)).isEqualTo("FILED");
        browser.check("53-compensation-return-error");
        String reason = "催收记录不完整，请补充 2026 年 3 月以后的催收记录。";
        browser.type("#reason", reason).click("form[action*='/return'] button.danger");
        assertThat(browser.text()).contains("已退回，银行将看到退回原因。", reason);
        assertThat(status(other)).isEqualTo("REJECTED");
        assertThat(bank.compensation().getBankCompensationClaim(other).getRejectionReason()).isEqualTo(reason);
    }
}
