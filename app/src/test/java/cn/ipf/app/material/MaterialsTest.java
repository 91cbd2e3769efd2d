package cn.ipf.app.material;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.EicarScanner;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 申报材料 end to end through HTTP, with the store the context is configured with (the database here, an S3 server
 * in {@link MaterialsS3Test}): an SME's appraisal report in PDF and OFD, read by its reviewers and regulators (every
 * download audited), refused to everyone else as 404, and uploads refused by content, size, virus scan and purpose
 * with nothing stored.
 */
class MaterialsTest extends LibraryTestSupport {

    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private String district;
    private Person sme;
    private long appraisalId;

    @BeforeEach
    void anAppraisal() {
        district = "370202";
        sme = person(Role.SME, null, null, null);
        long enterpriseId = register(sme.token(), strongProfile(uscc(district), district)).get("enterpriseId")
                .asLong();
        long patentId = addInvention(sme.token(), enterpriseId, false).get("patentId").asLong();
        Http.Response appraisal = http.with(sme.token()).post("/api/v1/library/enterprises/" + enterpriseId
                + "/appraisals", Map.of("assetKind", "PATENT", "assetId", patentId, "appraisedValue", 3_000_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("TH-PG"), "appraisedOn", "2025-06-01"));
        assertThat(appraisal.status()).as("%s", appraisal).isEqualTo(201);
        appraisalId = appraisal.json().get("appraisalId").asLong();
    }

    @Test
    void anUploadWithAnIdempotencyKeyIsStoredOnceAndReplayed() throws Exception {
        String key = UUID.randomUUID().toString();
        Http.Response first = upload(sme.token(), key, "appraisals", appraisalId, "APPRAISAL_REPORT", "r.pdf", PDF);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        Http.Response again = upload(sme.token(), key, "appraisals", appraisalId, "APPRAISAL_REPORT", "r.pdf", PDF);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(again.json().get("materialId").asLong()).isEqualTo(first.json().get("materialId").asLong());
        Http.Response other = upload(sme.token(), key, "appraisals", appraisalId, "APPRAISAL_REPORT", "s.pdf", PDF);
        assertThat(other.code()).as("the same key for another file").isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theSmeUploadsItsReportAndReviewersAndRegulatorsReadItAudited() throws Exception {
        Http.Response pdf = upload(sme.token(), "appraisals", appraisalId, "APPRAISAL_REPORT", "../评估报告.pdf", PDF);
        assertThat(pdf.status()).as("%s", pdf).isEqualTo(201);
        JsonNode stored = pdf.json();
        assertThat(stored.get("type").asString()).isEqualTo("PDF");
        assertThat(stored.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(stored.get("fileName").asString()).as("no path").isEqualTo("评估报告.pdf");
        assertThat(stored.get("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(stored.get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(stored.get("uploadedBy").asLong()).isEqualTo(sme.id());

        byte[] ofd = ofd(true);
        Http.Response invoice = upload(sme.token(), "appraisals", appraisalId, "APPRAISAL_REPORT", "fp.zip", ofd);
        assertThat(invoice.status()).as("%s", invoice).isEqualTo(201);
        assertThat(invoice.json().get("type").asString()).as("by content, whatever the name").isEqualTo("OFD");

        Person reviewer = districtReviewer(district);
        JsonNode list = http.with(reviewer.token()).get(path(appraisalId)).json();
        assertThat(list.get("items")).hasSize(2);
        assertThat(list.get("items").get(0).get("materialId").asLong())
                .isEqualTo(stored.get("materialId").asLong());

        long materialId = stored.get("materialId").asLong();
        Download download = download(reviewer.token(), path(appraisalId) + "/" + materialId + "/content");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.contentDisposition()).contains("attachment");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'MATERIAL_VIEWED'"
                + " AND entity_id = ? AND actor_id = ?", Long.class, Long.toString(materialId),
                Long.toString(reviewer.id()))).as("who viewed which file").isEqualTo(1);

        Person regulator = person(Role.REGULATOR, null, null, null);
        assertThat(http.with(regulator.token()).get(path(appraisalId)).json().get("items")).hasSize(2);
        assertThat(download(regulator.token(), path(appraisalId) + "/" + materialId + "/content").body())
                .isEqualTo(PDF);
        assertThat(upload(regulator.token(), "appraisals", appraisalId, "APPRAISAL_REPORT", "r.pdf", PDF).code())
                .as("regulators only read").isEqualTo("FORBIDDEN");
        assertThat(upload(person(Role.CITY_REVIEWER, null, null, null).token(), "appraisals", appraisalId,
                "APPRAISAL_REPORT", "city.png", png()).json().get("type").asString()).isEqualTo("PNG");
    }

    @Test
    void noOneElseLearnsTheFilesExist() throws Exception {
        long materialId = upload(sme.token(), "appraisals", appraisalId, "APPRAISAL_REPORT", "a.jpg", jpeg()).json()
                .get("materialId").asLong();
        String content = path(appraisalId) + "/" + materialId + "/content";
        for (Person stranger : new Person[] {person(Role.SME, null, null, null), districtReviewer("370211"),
            person(Role.BANK_OFFICER, null, bank(adminToken()), null)}) {
            assertThat(http.with(stranger.token()).get(path(appraisalId)).code())
                    .isEqualTo("MATERIAL_SUBJECT_NOT_FOUND");
            if (!stranger.username().startsWith("bank-officer")) {
                // a bank officer's POSTs need an Idempotency-Key before anything else (the bank audience's rule)
                assertThat(upload(stranger.token(), "appraisals", appraisalId, "APPRAISAL_REPORT", "x.pdf", PDF)
                        .code()).isEqualTo("MATERIAL_SUBJECT_NOT_FOUND");
            }
            assertThat(download(stranger.token(), content).status()).isEqualTo(404);
        }
        assertThat(http.with(sme.token()).get(path(Long.MAX_VALUE)).code()).isEqualTo("MATERIAL_SUBJECT_NOT_FOUND");
        assertThat(download(sme.token(), path(appraisalId) + "/" + (materialId + 1_000_000) + "/content")
                .status()).isEqualTo(404);
        assertThat(http.with(sme.token()).get("/api/v1/materials/invoices/" + appraisalId).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'MATERIAL_VIEWED'"
                + " AND entity_id = ?", Long.class, Long.toString(materialId))).isZero();
    }

    @Test
    void refusedUploadsStoreNothing() throws Exception {
        String token = sme.token();
        Http.Response zip = upload(token, "appraisals", appraisalId, "APPRAISAL_REPORT", "fp.ofd", ofd(false));
        assertThat(zip.status()).isEqualTo(415);
        assertThat(zip.code()).as("a ZIP without OFD.xml at its root").isEqualTo("MATERIAL_TYPE_UNSUPPORTED");
        assertThat(upload(token, "appraisals", appraisalId, "APPRAISAL_REPORT", "report.pdf",
                "just text".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("MATERIAL_TYPE_UNSUPPORTED");
        assertThat(upload(token, "appraisals", appraisalId, "APPRAISAL_REPORT", "empty.pdf", new byte[0]).code())
                .isEqualTo("MATERIAL_TYPE_UNSUPPORTED");

        byte[] infected = (new String(PDF, StandardCharsets.US_ASCII) + EicarScanner.EICAR)
                .getBytes(StandardCharsets.US_ASCII);
        Http.Response virus = upload(token, "appraisals", appraisalId, "APPRAISAL_REPORT", "v.pdf", infected);
        assertThat(virus.status()).isEqualTo(422);
        assertThat(virus.code()).isEqualTo("MATERIAL_INFECTED");

        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        Http.Response tooLarge = upload(token, "appraisals", appraisalId, "APPRAISAL_REPORT", "big.pdf", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("MATERIAL_TOO_LARGE");

        assertThat(upload(token, "appraisals", appraisalId, "INVOICE", "i.pdf", PDF).code())
                .isEqualTo("MATERIAL_PURPOSE_MISMATCH");
        assertThat(upload(token, "appraisals", appraisalId, "RECEIPT", "i.pdf", PDF).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM material WHERE subject_kind = 'APPRAISAL'"
                + " AND subject_id = ?", Long.class, appraisalId)).isZero();
    }

    static String path(long appraisalId) {
        return "/api/v1/materials/appraisals/" + appraisalId;
    }

    /** A multipart upload as a browser form sends it. */
    Http.Response upload(String token, String kind, long subjectId, String purpose, String fileName, byte[] content)
            throws IOException, InterruptedException {
        return upload(token, null, kind, subjectId, purpose, fileName, content);
    }

    /** An upload as a bank system sends it, with an idempotency key (each sending draws its own boundary). */
    Http.Response upload(String token, String idempotencyKey, String kind, long subjectId, String purpose,
            String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/materials/" + kind + "/" + subjectId)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> r = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Http.Response(r.statusCode(), r.headers().map(), r.body());
    }

    /** An OFD e-invoice's layout (OFD.xml at the root), or without it just a ZIP. */
    static byte[] ofd(boolean withRoot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : withRoot ? new String[] {"OFD.xml", "Doc_0/Document.xml"}
                    : new String[] {"Doc_0/Document.xml"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
