package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * What the project-library tests share: valid USCCs and patent numbers made with the production check-character
 * functions, reviewers and SMEs as signed-in people, and the few steps (register, add a patent, submit, decide) every
 * scenario starts with. Everything goes through HTTP; SQL is only used to look at what was (not) written.
 */
public abstract class LibraryTestSupport extends IntegrationTest {

    public static final String LIB = "/api/v1/library/enterprises";
    /** The deployment's business time zone: decisions and admission dates are dated in it. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String ID_NUMBER = "37020219800101123X";
    static final String ID_MASKED = "370***********123X";

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A signed-in person: username, user id and access token. */
    public record Person(String username, long id, String token) {
    }

    private final Map<String, Person> people = new HashMap<>();

    @Autowired
    DataSource dataSource;

    // ---- identifiers -------------------------------------------------------------------------------------------

    /** A valid, random USCC registered in the district (legal-person enterprise, "MA" registration series). */
    public static String uscc(String district) {
        StringBuilder first17 = new StringBuilder("91").append(district).append("MA");
        for (int i = 0; i < 7; i++) {
            first17.append(USCC_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(USCC_ALPHABET.length())));
        }
        return first17.toString() + Uscc.checkCharacter(first17.toString());
    }

    /** 12 random digits of a 2022 application whose 5th digit is the type digit (1 invention, 2 utility, 3 design). */
    public static String patentDigits(char typeDigit) {
        StringBuilder digits = new StringBuilder("2022").append(typeDigit);
        for (int i = 0; i < 7; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    /** The spelling on a certificate: "ZL" + 12 digits + "." + check character. */
    public static String zl(String twelveDigits) {
        return "ZL" + twelveDigits + "." + CnPatentNumber.checkCharacter(twelveDigits);
    }

    static String canonical(String twelveDigits) {
        return twelveDigits + CnPatentNumber.checkCharacter(twelveDigits);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    // ---- people --------------------------------------------------------------------------------------------------

    public Person person(Role role, Long enterpriseId, Long bankId, String district) {
        String username = user(role, enterpriseId, bankId, district);
        return new Person(username, userMapper.findByUsername(username).id(), token(username));
    }

    /** The district reviewer of a district (one per test instance and district). */
    public Person districtReviewer(String district) {
        return people.computeIfAbsent("dr-" + district, k -> person(Role.DISTRICT_REVIEWER, null, null, district));
    }

    /** The first city reviewer of this test. */
    Person cityReviewer() {
        return people.computeIfAbsent("city-1", k -> person(Role.CITY_REVIEWER, null, null, null));
    }

    /** A second city reviewer, for the city approval after a city reviewer gave the district approval. */
    Person otherCityReviewer() {
        return people.computeIfAbsent("city-2", k -> person(Role.CITY_REVIEWER, null, null, null));
    }

    Person regulator() {
        return people.computeIfAbsent("regulator", k -> person(Role.REGULATOR, null, null, null));
    }

    // ---- enterprises ---------------------------------------------------------------------------------------------

    /** A small industrial enterprise (C3736, 50 employees, revenue 12 M, assets 8 M yuan). */
    static Map<String, Object> smallProfile(String uscc, String district) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uscc", uscc);
        p.put("name", unique("青岛测试科技有限公司"));
        p.put("legalRepresentativeName", "张建华");
        p.put("legalRepresentativeIdNumber", ID_NUMBER);
        p.put("districtCode", district);
        p.put("industryCode", "C3736");
        p.put("employees", 50);
        p.put("annualRevenue", 12_000_000);
        p.put("totalAssets", 8_000_000);
        return p;
    }

    /** The small profile with every scored flag: high-tech, 专精特新, a GB/T 29490 certificate valid until 2040. */
    public static Map<String, Object> strongProfile(String uscc, String district) {
        Map<String, Object> p = smallProfile(uscc, district);
        p.put("highTech", true);
        p.put("specializedSme", true);
        p.put("ipmCertificateNo", "165IP" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "R0M");
        p.put("ipmCertificateValidUntil", "2040-12-31");
        return p;
    }

    public JsonNode register(String token, Map<String, Object> profile) {
        Http.Response r = http.with(token).post(LIB, profile);
        assertThat(r.status()).as("registration: %s", r).isEqualTo(201);
        return r.json();
    }

    /** Registers a small enterprise (with the scored profile flags) through its district's reviewer; returns its id. */
    long registerSmall(String district) {
        return register(districtReviewer(district).token(), strongProfile(uscc(district), district))
                .get("enterpriseId").asLong();
    }

    /**
     * Tops a registered enterprise with a valid patent up to the admission threshold when it is below it: an AAA
     * rating (20) and a small open demand not covered by appraisals (5). With the profile flags (25) and one
     * invention (10) that is exactly 60.
     */
    void qualify(long enterpriseId) {
        String district = jdbc.queryForObject("SELECT district_code FROM enterprise WHERE id = ?", String.class,
                enterpriseId);
        String token = districtReviewer(district).token();
        String path = LIB + "/" + enterpriseId;
        if (meetsThreshold(token, path)) {
            return;
        }
        assertThat(http.with(token).post(path + "/credit-ratings", Map.of("rating", "AAA", "source", "测试评级",
                "ratedOn", today().minusDays(1).toString())).status()).isEqualTo(201);
        assertThat(http.with(token).put(path + "/demand", Map.of("amount", 100_000, "termMonths", 6,
                "purpose", "流动资金")).status()).isEqualTo(200);
        assertThat(meetsThreshold(token, path)).as("qualified for approval").isTrue();
    }

    private boolean meetsThreshold(String token, String path) {
        JsonNode preview = http.with(token).get(path + "/screening").json();
        return preview.get("score").asInt() >= preview.get("threshold").asInt();
    }

    Map<String, Object> patentForm(String applicationNo, String type, boolean highValue) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicationNo", applicationNo);
        form.put("type", type);
        form.put("title", unique("一种测试装置"));
        form.put("filingDate", "2022-03-01");
        form.put("grantDate", "2024-01-10");
        form.put("expiryDate", type.equals("UTILITY_MODEL") ? "2032-02-28" : "2042-02-28");
        form.put("legalStatus", "VALID");
        form.put("ipcMainClass", "B63C 11/52");
        if (highValue) {
            form.put("highValue", Map.of("strategicEmergingIndustry", true));
        }
        return form;
    }

    /** Records a valid invention patent ("ZL…" spelling) and returns it. */
    public JsonNode addInvention(String token, long enterpriseId, boolean highValue) {
        Http.Response r = http.with(token).post(LIB + "/" + enterpriseId + "/patents",
                patentForm(zl(patentDigits('1')), "INVENTION", highValue));
        assertThat(r.status()).as("patent: %s", r).isEqualTo(201);
        return r.json();
    }

    JsonNode enterprise(String token, long enterpriseId) {
        Http.Response r = http.with(token).get(LIB + "/" + enterpriseId);
        assertThat(r.status()).as("enterprise: %s", r).isEqualTo(200);
        return r.json();
    }

    String status(long enterpriseId) {
        return jdbc.queryForObject("SELECT status FROM library_entry WHERE enterprise_id = ?", String.class,
                enterpriseId);
    }

    long decisionCount(long enterpriseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM admission_decision WHERE enterprise_id = ?", Long.class,
                enterpriseId);
    }

    List<JsonNode> decisions(String token, long enterpriseId) {
        Http.Response r = http.with(token).get(LIB + "/" + enterpriseId + "/decisions");
        assertThat(r.status()).as("decisions: %s", r).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().forEach(list::add);
        return list;
    }

    Http.Response submit(String token, long enterpriseId) {
        return http.with(token).post(LIB + "/" + enterpriseId + "/submission", null);
    }

    JsonNode submitted(String token, long enterpriseId) {
        Http.Response r = submit(token, enterpriseId);
        assertThat(r.status()).as("submission: %s", r).isEqualTo(201);
        return r.json();
    }

    Http.Response decide(String token, long enterpriseId, String action, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        return http.with(token).post(LIB + "/" + enterpriseId + "/decisions", body);
    }

    public JsonNode decided(String token, long enterpriseId, String action, String comment) {
        Http.Response r = decide(token, enterpriseId, action, comment);
        assertThat(r.status()).as("%s: %s", action, r).isEqualTo(201);
        return r.json();
    }

    /** Takes a registered enterprise with a valid patent through submission and both approvals. */
    public void admit(long enterpriseId, String district) {
        qualify(enterpriseId);
        Person dr = districtReviewer(district);
        submitted(dr.token(), enterpriseId);
        decided(dr.token(), enterpriseId, "DISTRICT_APPROVE", null);
        decided(cityReviewer().token(), enterpriseId, "CITY_APPROVE", null);
        assertThat(status(enterpriseId)).isEqualTo("ADMITTED");
    }

    /** A small enterprise with one valid invention patent, admitted through both levels. */
    long admittedSmall(String district) {
        long id = registerSmall(district);
        addInvention(districtReviewer(district).token(), id, false);
        admit(id, district);
        return id;
    }

    /**
     * An enterprise that scores 90 under the default rules: 2 valid high-value inventions (20 + 15), GB/T 29490 (10),
     * high-tech (8), 专精特新 (7), credit AAA (20), and an open demand of 2 M covered by a 5 M appraisal (10). Admitted.
     */
    public long admittedStrong(String district) {
        return admittedStrong(district, strongProfile(uscc(district), district));
    }

    /** {@link #admittedStrong(String)} with the given profile (for example a chosen name). */
    public long admittedStrong(String district, Map<String, Object> profile) {
        Person dr = districtReviewer(district);
        long id = register(dr.token(), profile).get("enterpriseId").asLong();
        long patentId = addInvention(dr.token(), id, true).get("patentId").asLong();
        addInvention(dr.token(), id, true);
        Http.Response appraisal = http.with(dr.token()).post(LIB + "/" + id + "/appraisals", Map.of(
                "assetKind", "PATENT", "assetId", patentId, "appraisedValue", 5_000_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("TH-PG"), "appraisedOn", "2025-06-01"));
        assertThat(appraisal.status()).as("appraisal: %s", appraisal).isEqualTo(201);
        Http.Response rating = http.with(dr.token()).post(LIB + "/" + id + "/credit-ratings", Map.of(
                "rating", "AAA", "source", "青岛市公共信用信息平台", "ratedOn", today().minusDays(1).toString()));
        assertThat(rating.status()).as("rating: %s", rating).isEqualTo(201);
        Http.Response demand = http.with(dr.token()).put(LIB + "/" + id + "/demand", Map.of(
                "amount", 2_000_000, "termMonths", 12, "purpose", "研发投入与设备采购"));
        assertThat(demand.status()).as("demand: %s", demand).isEqualTo(200);
        admit(id, district);
        return id;
    }

    // ---- responses -----------------------------------------------------------------------------------------------

    static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    /** The problem's errors[] field names. */
    public static List<String> errorFields(Http.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** Every audit event about an enterprise, as a regulator sees them. */
    List<JsonNode> auditEvents(long enterpriseId) {
        Http.Response r = http.with(regulator().token())
                .get("/api/v1/regulator/audit-events?entityType=ENTERPRISE&entityId=" + enterpriseId + "&size=200");
        assertThat(r.status()).as("audit events: %s", r).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        r.json().get("items").forEach(events::add);
        return events;
    }

    /** The regulator's indicators of one bank for the period ({@code 2025}, {@code 2025-Q1}, {@code 2025-03}). */
    public Map<String, BigDecimal> bankFigures(String period, long bankId) {
        Http.Response r = http.with(regulator().token())
                .get("/api/v1/regulator/statistics?period=" + period + "&breakdown=BANK");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        Map<String, BigDecimal> figures = new HashMap<>();
        for (JsonNode row : r.json().get("rows")) {
            if (row.get("key").asString().equals(String.valueOf(bankId))) {
                row.get("indicators").forEach(i -> figures.put(i.get("indicator").asString(),
                        i.get("value").decimalValue()));
            }
        }
        return figures;
    }

    /** A GET whose body is kept as bytes (exports). */
    public record Download(int status, String contentType, String contentDisposition, byte[] body) {
    }

    public Download download(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> response = RAW.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Content-Disposition").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the calls one after the other while this test holds a row lock of {@code table} that each of them will
     * wait for, and releases it once all of them wait (bounded poll), so that they go on in the order given, each
     * having read what it read before the lock was released. The service gives up a lock wait after 3 s (test
     * profile).
     */
    List<Http.Response> whileRowLocked(String table, long id, List<Supplier<Http.Response>> calls) throws Exception {
        String key = table.equals("library_entry") ? "enterprise_id" : "id";
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT " + key + " FROM " + table + " WHERE " + key + " = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            List<Future<Http.Response>> pending = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                pending.add(pool.submit(calls.get(i)::get));
                awaitWaiting(table, i + 1);
            }
            blocker.rollback();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : pending) {
                responses.add(f.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bounded poll until n other sessions have been in a statement on the table for a while (a lock wait). */
    private void awaitWaiting(String table, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMillis(1500));
        while (Instant.now().isBefore(deadline)) {
            Long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE COMMAND = 'Query' AND ID <> CONNECTION_ID() AND TIME_MS > 100 AND INFO LIKE ?",
                    Long.class, "%" + table + "%");
            if (waiting != null && waiting >= n) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("expected " + n + " requests waiting for the lock on " + table);
    }

    /**
     * The first worksheet of an XLSX export as rows of cell texts (shared, inline or plain values), placed by cell
     * reference, each row padded to {@code columns}.
     */
    public static List<List<String>> firstSheet(byte[] xlsx, int columns) throws Exception {
        // read through the central directory (as spreadsheet programs do): the writer streams its entries with
        // Zip64 data descriptors, which java.util.zip.ZipInputStream cannot read front to back
        Map<String, byte[]> parts = new HashMap<>();
        Path file = Files.createTempFile("export-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(parts).containsKey("xl/worksheets/sheet1.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            Document strings = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    parts.get("xl/sharedStrings.xml")));
            NodeList items = strings.getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        Document sheet = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                parts.get("xl/worksheets/sheet1.xml")));
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = sheet.getElementsByTagName("row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
            List<String> row = new ArrayList<>();
            for (int c = 0; c < cells.getLength(); c++) {
                Element cell = (Element) cells.item(c);
                int column = column(cell.getAttribute("r"));
                while (row.size() < column) {
                    row.add("");
                }
                String type = cell.getAttribute("t");
                String text;
                if (type.equals("inlineStr")) {
                    text = cell.getElementsByTagName("is").item(0).getTextContent();
                } else {
                    NodeList v = cell.getElementsByTagName("v");
                    String value = v.getLength() == 0 ? "" : v.item(0).getTextContent();
                    text = type.equals("s") ? shared.get(Integer.parseInt(value)) : value;
                }
                row.add(text);
            }
            while (row.size() < columns) {
                row.add("");
            }
            rows.add(row);
        }
        return rows;
    }

    /** Zero-based column of a cell reference such as "C12". */
    private static int column(String reference) {
        int column = 0;
        for (char ch : reference.toCharArray()) {
            if (Character.isLetter(ch)) {
                column = column * 26 + (ch - 'A' + 1);
            }
        }
        return column - 1;
    }
}
