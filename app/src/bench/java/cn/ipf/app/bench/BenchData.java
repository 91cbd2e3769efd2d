package cn.ipf.app.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * The benchmark's library: 100 000 enterprises in 10 districts and 24 industry classes, with patents, appraisals,
 * trademarks, ratings, demands and consents in plausible proportions, and 200 products of 20 banks. Seeded
 * (reproducible) and written with batched multi-row inserts straight into the migrated schema.
 */
final class BenchData {

    static final int ENTERPRISES = 100_000;
    static final int BANKS = 20;
    static final int PRODUCTS_PER_BANK = 10;
    static final List<String> DISTRICTS = List.of("370202", "370203", "370211", "370212", "370213", "370214",
            "370215", "370281", "370283", "370285");
    static final List<String> INDUSTRIES = List.of("C1361", "C2614", "C2662", "C2761", "C2929", "C3360", "C3421",
            "C3491", "C3581", "C3670", "C3736", "C3831", "C3841", "C3914", "C3983", "C3985", "C4011", "I6511",
            "I6513", "I6531", "M7320", "M7451", "N7721", "F5179");
    private static final List<String> DIVISIONS = List.of("C27", "C34", "C36", "C37", "C38", "C39", "I65", "M73");
    private static final String[] RATINGS = {"AAA", "AA", "A", "BBB", "BB", "B"};
    private static final double[] RATING_WEIGHTS = {0.10, 0.25, 0.30, 0.20, 0.10, 0.05};
    private static final String NOW = "2026-01-01 00:00:00.000000";

    private final Random random = new Random(20261122L);
    private final Connection c;

    /** What the seed produced, for the figures. */
    record Summary(int enterprises, int admitted, int patents, int appraisals, int demands, int consents,
            int allBankConsents, int products) {
    }

    private BenchData(Connection c) {
        this.c = c;
    }

    static Summary seed(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            BenchData data = new BenchData(c);
            // rows are consistent by construction; batches of children may reach the server before their parents
            data.exec("SET FOREIGN_KEY_CHECKS = 0");
            Summary s = data.seedAll();
            c.commit();
            data.exec("SET FOREIGN_KEY_CHECKS = 1");
            try (Statement st = c.createStatement()) {
                for (String t : List.of("enterprise", "library_entry", "patent", "patent_owner", "appraisal",
                        "trademark", "credit_rating", "financing_demand", "financing_demand_bank",
                        "data_sharing_consent", "loan_product")) {
                    st.execute("ANALYZE TABLE " + t);
                }
            }
            return s;
        }
    }

    private Summary seedAll() throws SQLException {
        exec("INSERT IGNORE INTO region (code, name, region_level, parent_code) VALUES ('370200', '青岛市', 'CITY', NULL)");
        Rows regions = new Rows("INSERT IGNORE INTO region (code, name, region_level, parent_code) VALUES ", 4);
        for (String d : DISTRICTS) {
            regions.add(d, "区" + d, "DISTRICT", "370200");
        }
        regions.flush();
        exec("INSERT INTO app_user (id, username, password_hash, display_name, role, created_at) VALUES "
                + "(1, 'bench-seed', '{noop}unused', 'bench seed', 'CITY_REVIEWER', '" + NOW + "')");
        Rows banks = new Rows("INSERT INTO bank (id, name, bank_code, created_at) VALUES ", 4);
        for (int b = 1; b <= BANKS; b++) {
            banks.add(b, "基准银行" + b, String.valueOf(300000000000L + b), NOW);
        }
        banks.flush();

        Rows enterprises = new Rows("INSERT INTO enterprise (id, uscc, name, legal_rep_name, district_code,"
                + " industry_code, employees, annual_revenue, total_assets, high_tech, specialized_sme, created_at,"
                + " updated_at) VALUES ", 13);
        Rows entries = new Rows("INSERT INTO library_entry (enterprise_id, status, score, admitted_on, updated_at)"
                + " VALUES ", 5);
        Rows patents = new Rows("INSERT INTO patent (id, application_no, patent_type, title, filing_date,"
                + " grant_date, expiry_date, legal_status, created_at) VALUES ", 9);
        Rows owners = new Rows("INSERT INTO patent_owner (patent_id, enterprise_id) VALUES ", 2);
        Rows appraisals = new Rows("INSERT INTO appraisal (enterprise_id, asset_kind, asset_id, appraised_value,"
                + " appraiser, report_no, appraised_on, created_at) VALUES ", 8);
        Rows trademarks = new Rows("INSERT INTO trademark (registration_no, mark_name, nice_class, valid_until,"
                + " enterprise_id, created_at) VALUES ", 6);
        Rows ratings = new Rows("INSERT INTO credit_rating (enterprise_id, rating, source, rated_on, recorded_by,"
                + " created_at) VALUES ", 6);
        Rows demands = new Rows("INSERT INTO financing_demand (id, enterprise_id, amount, term_months, purpose,"
                + " open_marker, created_at) VALUES ", 7);
        Rows demandBanks = new Rows("INSERT INTO financing_demand_bank (demand_id, bank_id) VALUES ", 2);
        Rows consents = new Rows("INSERT INTO data_sharing_consent (enterprise_id, bank_scope, active_marker,"
                + " granted_at, granted_by) VALUES ", 5);
        int admitted = 0;
        int patentId = 0;
        int appraisalCount = 0;
        int demandId = 0;
        int consentCount = 0;
        int allBanks = 0;
        int trademarkNo = 0;
        for (int e = 1; e <= ENTERPRISES; e++) {
            String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            String industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
            int employees = 5 + random.nextInt(280);
            enterprises.add(e, String.format("91%06dBENCH%05d", e % 1_000_000, e % 100_000).substring(0, 18),
                    "基准企业" + e, "法人" + e, district, industry, employees,
                    money(1_000_000, 200_000_000), money(1_000_000, 200_000_000), random.nextBoolean(),
                    random.nextInt(4) == 0, NOW, NOW);
            boolean isAdmitted = random.nextInt(2) == 0;
            String status = isAdmitted ? "ADMITTED"
                    : new String[] {"DRAFT", "SUBMITTED", "REJECTED", "SUSPENDED"}[random.nextInt(4)];
            admitted += isAdmitted ? 1 : 0;
            entries.add(e, status, 40 + random.nextInt(60), isAdmitted ? "2025-06-01" : null, NOW);

            int inventions = pick(new int[] {0, 1, 2, 3, 6}, new double[] {0.35, 0.30, 0.15, 0.15, 0.05});
            inventions += inventions >= 3 ? random.nextInt(3) : 0;
            int utility = random.nextInt(5);
            int design = random.nextInt(5) == 0 ? 1 : 0;
            for (int p = 0; p < inventions + utility + design; p++) {
                patentId++;
                String type = p < inventions ? "INVENTION" : p < inventions + utility ? "UTILITY_MODEL" : "DESIGN";
                LocalDate filed = LocalDate.of(2012 + random.nextInt(12), 1 + random.nextInt(12), 1);
                boolean valid = random.nextInt(10) != 0;
                patents.add(patentId, String.format("B%012d", patentId), type, "基准专利" + patentId, filed,
                        filed.plusYears(2), filed.plusYears(type.equals("INVENTION") ? 20 : 10),
                        valid ? "VALID" : "LAPSED", NOW);
                owners.add(patentId, e);
                if (random.nextBoolean()) {
                    appraisalCount++;
                    appraisals.add(e, "PATENT", patentId, money(100_000, 5_000_000), "基准评估",
                            "PG" + patentId, "2025-0" + (1 + random.nextInt(9)) + "-15", NOW);
                }
            }
            if (random.nextInt(10) < 3) {
                for (int t = 0; t <= random.nextInt(2); t++) {
                    trademarkNo++;
                    trademarks.add(String.valueOf(50_000_000 + trademarkNo), "商标" + trademarkNo,
                            1 + random.nextInt(45), "2032-12-31", e, NOW);
                }
            }
            if (random.nextInt(10) < 8) {
                ratings.add(e, RATINGS[pick(new int[] {0, 1, 2, 3, 4, 5}, RATING_WEIGHTS)], "基准评级",
                        "2025-0" + (1 + random.nextInt(9)) + "-01", 1, NOW);
            }
            if (random.nextBoolean()) {
                demandId++;
                demands.add(demandId, e, money(200_000, 15_000_000).setScale(-4, RoundingMode.DOWN),
                        new int[] {6, 12, 18, 24, 36}[random.nextInt(5)], "流动资金", 1, NOW);
                if (random.nextInt(100) < 15) {
                    demandBanks.add(demandId, 1 + random.nextInt(BANKS));
                }
            }
            if (isAdmitted && random.nextInt(5) == 0) {
                if (random.nextInt(5) < 2) {
                    consents.add(e, 0, 1, NOW, 1);
                    allBanks++;
                    consentCount++;
                } else {
                    int first = 1 + random.nextInt(BANKS);
                    consents.add(e, first, 1, NOW, 1);
                    consentCount++;
                    if (random.nextBoolean()) {
                        consents.add(e, 1 + (first % BANKS), 1, NOW, 1);
                        consentCount++;
                    }
                }
            }
        }
        for (Rows r : List.of(enterprises, entries, patents, owners, appraisals, trademarks, ratings, demands,
                demandBanks, consents)) {
            r.flush();
        }
        products();
        return new Summary(ENTERPRISES, admitted, patentId, appraisalCount, demandId, consentCount, allBanks,
                BANKS * PRODUCTS_PER_BANK);
    }

    private void products() throws SQLException {
        Rows products = new Rows("INSERT INTO loan_product (id, bank_id, product_code, name, version, amount_min,"
                + " amount_max, term_months_min, term_months_max, spread_bp_min, spread_bp_max, max_pledge_rate,"
                + " insurance_required, window_start, status, created_at, min_credit_rating, min_valid_inventions)"
                + " VALUES ", 18);
        Rows collateral = new Rows("INSERT INTO loan_product_collateral (product_id, kind) VALUES ", 2);
        Rows districts = new Rows("INSERT INTO loan_product_district (product_id, district_code) VALUES ", 2);
        Rows industries = new Rows("INSERT INTO loan_product_industry (product_id, prefix) VALUES ", 2);
        int id = 0;
        for (int b = 1; b <= BANKS; b++) {
            for (int k = 0; k < PRODUCTS_PER_BANK; k++) {
                id++;
                int spread = random.nextInt(11) * 10;
                String minRating = random.nextInt(10) < 4 ? null : new String[] {"BBB", "A", "AA"}[random.nextInt(3)];
                products.add(id, b, "LPBENCH" + id, "基准产品" + id, 1,
                        new int[] {100_000, 300_000, 500_000, 1_000_000}[random.nextInt(4)],
                        new int[] {3_000_000, 5_000_000, 10_000_000, 20_000_000}[random.nextInt(4)],
                        random.nextBoolean() ? 6 : 12, new int[] {24, 36, 60}[random.nextInt(3)], spread,
                        spread + 100, new BigDecimal("0.3").add(BigDecimal.valueOf(random.nextInt(4), 1)), false,
                        "2025-01-01", "ACTIVE", NOW, minRating,
                        pick(new int[] {0, 1, 2}, new double[] {0.5, 0.35, 0.15}));
                collateral.add(id, "INVENTION");
                if (random.nextBoolean()) {
                    collateral.add(id, "UTILITY_MODEL");
                }
                if (random.nextInt(5) == 0) {
                    collateral.add(id, "TRADEMARK");
                }
                if (random.nextInt(10) == 0) {
                    collateral.add(id, "MIXED");
                }
                if (random.nextInt(10) >= 4) {
                    List<String> ds = new ArrayList<>(DISTRICTS);
                    java.util.Collections.shuffle(ds, random);
                    for (String d : ds.subList(0, 1 + random.nextInt(3))) {
                        districts.add(id, d);
                    }
                }
                int target = random.nextInt(10);
                if (target >= 4 && target < 7) {
                    industries.add(id, random.nextBoolean() ? "C" : "I");
                } else if (target >= 7) {
                    List<String> ds = new ArrayList<>(DIVISIONS);
                    java.util.Collections.shuffle(ds, random);
                    for (String d : ds.subList(0, 1 + random.nextInt(2))) {
                        industries.add(id, d);
                    }
                }
            }
        }
        for (Rows r : List.of(products, collateral, districts, industries)) {
            r.flush();
        }
    }

    private int pick(int[] values, double[] weights) {
        double x = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Log-uniform between the bounds, in whole yuan. */
    private BigDecimal money(long min, long max) {
        double v = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
        return BigDecimal.valueOf((long) v).setScale(2, RoundingMode.DOWN);
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Multi-row INSERT builder: flushes every 1 000 rows as one statement. */
    private final class Rows {
        private final String head;
        private final int columns;
        private final List<Object> values = new ArrayList<>();
        private int rows;

        Rows(String head, int columns) {
            this.head = head;
            this.columns = columns;
        }

        void add(Object... row) throws SQLException {
            if (row.length != columns) {
                throw new IllegalArgumentException(head + ": " + row.length + " values");
            }
            values.addAll(java.util.Arrays.stream(row).map(v -> v == null ? NULL : v).toList());
            if (++rows == 1000) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows == 0) {
                return;
            }
            String tuple = "(" + "?,".repeat(columns - 1) + "?)";
            StringBuilder sql = new StringBuilder(head);
            for (int i = 0; i < rows; i++) {
                sql.append(i == 0 ? "" : ",").append(tuple);
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    ps.setObject(i + 1, v == NULL ? null : v instanceof LocalDate d ? d.toString() : v);
                }
                ps.executeUpdate();
            }
            values.clear();
            rows = 0;
        }
    }

    private static final Object NULL = new Object();
}
