package cn.ipf.app.bench;

import cn.ipf.app.IpfApplication;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test) of the interest-subsidy job (issue 5): 100 000 disbursed pledged loans of 50 000 enterprises
 * with 1 000 000 interest payments in the database {@code ipf_subsidy_bench} of the machine's MariaDB; the job runs
 * end to end for the period 2026 (every payment) in this JVM, and on the same database in the same run one
 * INSERT … SELECT writes the uncapped min(by_interest, by_rate) of every payment (the floor), once before and once
 * after the job. Heap use is sampled every 20 ms while the job runs. See docs/benchmarks.md.
 *
 * <p>Run (no Maven JVM in between, so that {@code -Xmx} is the job's own):
 * <pre>
 *   ./mvnw -B -q -pl app -am -Pbench -DskipTests test-compile dependency:build-classpath \
 *       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
 *   java -Xmx512m -cp app/target/classes:$(cat app/target/bench.classpath) cn.ipf.app.bench.SubsidyJobBench
 * </pre>
 * System properties: {@code bench.user} / {@code bench.password} (default root, empty), {@code bench.reuse=true}
 * keeps the seeded loans and only clears the subsidy tables, {@code bench.chunk} and {@code bench.partitions} (the
 * job's chunk size and partitions, default 500 and 2).
 */
public final class SubsidyJobBench {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String OPTIONS = "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC"
            + "&rewriteBatchedStatements=true";
    private static final String DB = "ipf_subsidy_bench";
    private static final int ENTERPRISES = 50_000;
    private static final int LOANS = 100_000;
    private static final int PAYMENTS_PER_LOAN = 10;
    private static final String NOW = "2026-11-01 00:00:00.000000";

    private SubsidyJobBench() {
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        // the service's non-daemon threads would keep the JVM alive after a failure
        System.exit(code);
    }

    private static void run(String[] args) throws Exception {
        String user = System.getProperty("bench.user", "root");
        String password = System.getProperty("bench.password", "");
        boolean reuse = Boolean.getBoolean("bench.reuse");
        if (!reuse) {
            try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, user, password);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DB);
                st.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", SERVER + DB + OPTIONS);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        props.put("spring.data.redis.database", "8");
        props.put("server.port", "0");
        props.put("ipf.security.jwt-secret", Base64.getEncoder().encodeToString(
                "bench-only-jwt-secret-32-bytes!!".getBytes()));
        props.put("ipf.security.master-key", Base64.getEncoder().encodeToString(
                "bench-only-master-key-32-bytes!!".getBytes()));
        props.put("ipf.batch.interest-subsidy.chunk-size", System.getProperty("bench.chunk", "500"));
        props.put("ipf.batch.interest-subsidy.partitions", System.getProperty("bench.partitions", "2"));
        props.put("ipf.batch.interest-subsidy.cron", "-");
        props.put("ipf.subsidy.expiry-cron", "-");
        props.put("ipf.webhooks.dispatch.enabled", "false");
        props.put("logging.level.root", "WARN");
        props.put("spring.main.banner-mode", "off");
        // system properties: they override application.yml (builder properties would only be defaults)
        props.forEach((k, v) -> System.setProperty(k, v.toString()));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IpfApplication.class).run(args)) {
            measure(ctx);
        }
    }

    private static void measure(ConfigurableApplicationContext ctx) throws Exception {
        boolean reuse = Boolean.getBoolean("bench.reuse");
        DataSource dataSource = ctx.getBean(DataSource.class);
        long programmeId;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (reuse) {
                clearSubsidies(st);
            } else {
                long t0 = System.nanoTime();
                seed(st);
                System.out.printf("seeded %d enterprises, %d loans, %d payments in %.0f s%n", ENTERPRISES, LOANS,
                        LOANS * PAYMENTS_PER_LOAN, (System.nanoTime() - t0) / 1e9);
            }
            programmeId = programme(st);
            System.out.println("server: " + scalar(st, "SELECT CONCAT(@@version, ', buffer pool ',"
                    + " @@innodb_buffer_pool_size DIV 1048576, ' MB, flush_log_at_trx_commit ',"
                    + " @@innodb_flush_log_at_trx_commit)"));
            System.out.println("load before: " + load());
            System.out.printf("warm-up scan: %s rows%n", scalar(st, "SELECT COUNT(*) FROM interest_payment p"
                    + " JOIN loan l ON l.id = p.loan_id WHERE p.interest_amount >= 0"));
            double floor1 = floor(st);
            System.out.printf("floor (INSERT … SELECT of 1 000 000 rows) #1: %.1f s%n", floor1);

            JobControl jobs = ctx.getBean(JobControl.class);
            HeapSampler heap = new HeapSampler();
            long t0 = System.nanoTime();
            JobRun run = jobs.launch("interest-subsidy", Map.of("programme", String.valueOf(programmeId),
                    "period", "2026"));
            while (!List.of("COMPLETED", "FAILED", "STOPPED").contains(run.status())) {
                Thread.sleep(200);
                run = jobs.find(run.executionId()).orElseThrow();
            }
            double job = (System.nanoTime() - t0) / 1e9;
            heap.stop();
            System.out.printf("job: %s in %.1f s (exit %s)%n", run.status(), job,
                    run.exitDescription() == null ? "" : run.exitDescription().lines().findFirst().orElse(""));
            for (JobRun.StepRun s : run.steps()) {
                System.out.printf("  step %-28s %-9s read %7d written %7d commits %6d %s → %s%n", s.stepName(),
                        s.status(), s.readCount(), s.writeCount(), s.commitCount(), s.startedAt(), s.endedAt());
            }
            System.out.printf("heap: max used %.0f MB (sampled every 20 ms), max %d MB%n",
                    heap.maxUsed.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
            System.out.println("written: " + scalar(st, "SELECT CONCAT(COUNT(*), ' claims, ', SUM(line_count),"
                    + " ' lines, ', SUM(total_amount), ' yuan') FROM subsidy_claim"));
            System.out.println("reasons: " + scalar(st, "SELECT GROUP_CONCAT(CONCAT(reason, ' ', n) ORDER BY reason"
                    + " SEPARATOR ', ') FROM (SELECT reason, COUNT(*) AS n FROM subsidy_line GROUP BY reason) r"));
            double floor2 = floor(st);
            System.out.printf("floor #2: %.1f s%n", floor2);
            System.out.printf("lines floor (the same INSERT … SELECT into a table shaped like subsidy_line): %.1f s%n",
                    linesFloor(st));
            double floor = (floor1 + floor2) / 2;
            System.out.printf("job / floor: %.2f (job %.1f s, floor %.1f s mean of %.1f and %.1f)%n", job / floor,
                    job, floor, floor1, floor2);
            System.out.println("load after: " + load());
        }
    }

    /**
     * Loans signed January to early June 2025 (LPR months 2024-12 to 2025-05), 2 per enterprise, 10 interest periods
     * each, with every gate represented: 3 % of enterprises admitted only in December 2025, 2 % large, 1 % listed,
     * 10 % of loans pledging only a utility model, 2 % pledged after disbursement, 1 % with another fiscal subsidy,
     * 1 % of payments late; 10 % of loans have 40-day periods whose last straddles or leaves the 12-month window;
     * 1 % of loans are 50 M, so that their enterprises cross the 500 000 annual cap.
     */
    private static void seed(Statement st) throws Exception {
        st.execute("SET SESSION foreign_key_checks = 0");
        st.execute("CREATE TABLE bench_digit (d INT PRIMARY KEY)");
        st.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
        st.execute("CREATE TABLE bench_seq (n INT PRIMARY KEY)");
        st.execute("INSERT INTO bench_seq SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d"
                + " + 100000 * f.d FROM bench_digit a, bench_digit b, bench_digit c, bench_digit d, bench_digit e,"
                + " bench_digit f");
        st.execute("INSERT INTO region (code, name, region_level, parent_code) VALUES"
                + " ('370200', '青岛市', 'CITY', NULL), ('370202', '市南区', 'DISTRICT', '370200'),"
                + " ('370203', '市北区', 'DISTRICT', '370200'), ('370211', '黄岛区', 'DISTRICT', '370200')");
        st.execute("INSERT INTO bank (id, name, bank_code, created_at) VALUES (1, '基准银行', '313452000018', '"
                + NOW + "')");
        st.execute("INSERT INTO app_user (id, username, password_hash, display_name, role, created_at) VALUES"
                + " (1, 'bench-seed', '{noop}unused', 'bench seed', 'CITY_REVIEWER', '" + NOW + "')");
        st.execute("INSERT INTO enterprise (id, uscc, name, legal_rep_name, district_code, industry_code, employees,"
                + " annual_revenue, total_assets, created_at, updated_at)"
                + " SELECT n + 1, CONCAT('BENCH', LPAD(n, 13, '0')), CONCAT('基准企业', n), '张三',"
                + " ELT(1 + n % 3, '370202', '370203', '370211'), 'C3736',"
                + " IF(n % 50 = 7, 2000, 50), IF(n % 50 = 7, 500000000, 12000000), 8000000, '" + NOW + "', '"
                + NOW + "' FROM bench_seq WHERE n < " + ENTERPRISES);
        st.execute("INSERT INTO library_entry (enterprise_id, status, score, rule_set_version, admitted_on,"
                + " updated_at) SELECT n + 1, 'ADMITTED', 70, 1, '2024-12-01', '" + NOW + "' FROM bench_seq"
                + " WHERE n < " + ENTERPRISES);
        st.execute("INSERT INTO admission_decision (enterprise_id, action, from_status, to_status, actor_role,"
                + " rule_set_version, score, screening, decided_at) SELECT n + 1, 'CITY_APPROVE',"
                + " 'DISTRICT_APPROVED', 'ADMITTED', 'CITY_REVIEWER', 1, 70, '{}',"
                + " IF(n % 33 = 5, '2025-12-01 02:00:00', '2024-12-01 02:00:00') FROM bench_seq"
                + " WHERE n < " + ENTERPRISES);
        st.execute("INSERT INTO dishonesty_record (enterprise_id, listed_on, source, recorded_by, created_at)"
                + " SELECT n + 1, '2026-01-05', '信用中国', 1, '" + NOW + "' FROM bench_seq WHERE n < "
                + ENTERPRISES + " AND n % 100 = 3");
        st.execute("INSERT INTO loan (id, bank_id, enterprise_id, external_id, contract_no, contract_signed_on,"
                + " principal, annual_rate, maturity_date, ip_share, other_fiscal_subsidy, disbursed_on,"
                + " disbursed_amount, status, created_at)"
                + " SELECT n + 1, 1, n % " + ENTERPRISES + " + 1, CONCAT('BL', n), CONCAT('BC', n),"
                + " '2025-01-06' + INTERVAL (n % 150) DAY, IF(n % 100 = 42, 50000000, 1000000 + (n % 20) * 100000),"
                + " 0.0345, '2027-06-30', IF(n % 10 = 3, 0.6, 1), n % 97 = 0, '2025-01-11' + INTERVAL (n % 150) DAY,"
                + " IF(n % 100 = 42, 50000000, 1000000 + (n % 20) * 100000), 'DISBURSED', '" + NOW + "'"
                + " FROM bench_seq WHERE n < " + LOANS);
        st.execute("INSERT INTO patent (id, application_no, patent_type, title, filing_date, grant_date,"
                + " expiry_date, legal_status, created_at) SELECT n + 1, CONCAT('B', LPAD(n, 12, '0')),"
                + " IF(n % 10 = 5, 'UTILITY_MODEL', 'INVENTION'), '基准专利', '2022-03-01', '2024-01-10',"
                + " '2042-03-01', 'VALID', '" + NOW + "' FROM bench_seq WHERE n < " + LOANS);
        st.execute("INSERT INTO patent_owner (patent_id, enterprise_id) SELECT n + 1, n % " + ENTERPRISES
                + " + 1 FROM bench_seq WHERE n < " + LOANS);
        st.execute("INSERT INTO pledge_registration (id, loan_id, registration_no, registered_on, secured_amount,"
                + " created_at) SELECT l.id, l.id, CONCAT('BR', l.id),"
                + " IF(l.id % 50 = 9, l.disbursed_on + INTERVAL 3 DAY, l.contract_signed_on + INTERVAL 2 DAY),"
                + " l.principal, '" + NOW + "' FROM loan l");
        st.execute("INSERT INTO pledge_registration_patent (registration_id, patent_id) SELECT id, id FROM loan");
        // the k-th period starts k × 30 days after disbursement (k × 40 for every tenth loan)
        String start = "(l.disbursed_on + INTERVAL (s.n % 10) * IF(l.id % 10 = 1, 40, 30) DAY)";
        st.execute("INSERT INTO interest_payment (loan_id, bank_id, external_id, sequence_no, accrual_start,"
                + " accrual_end, principal_balance, interest_amount, due_date, paid_date, created_at)"
                + " SELECT l.id, 1, CONCAT('BI', s.n), s.n % 10 + 1, " + start + ", " + start + " + INTERVAL 30 DAY,"
                + " l.principal, ROUND(l.principal * l.annual_rate * 30 / 360, 2), " + start + " + INTERVAL 30 DAY,"
                + " " + start + " + INTERVAL IF(s.n % 100 = 17, 31, 30) DAY, '" + NOW + "'"
                + " FROM bench_seq s JOIN loan l ON l.id = s.n DIV 10 + 1");
        st.execute("SET SESSION foreign_key_checks = 1");
        for (String t : List.of("enterprise", "library_entry", "admission_decision", "dishonesty_record", "loan",
                "patent", "patent_owner", "pledge_registration", "pledge_registration_patent", "interest_payment")) {
            st.execute("ANALYZE TABLE " + t);
        }
    }

    /** A programme of the city for 2025–2026 with the shipped default parameters. */
    private static long programme(Statement st) throws Exception {
        st.execute("INSERT INTO subsidy_programme (name, region_code, budget, period_start, period_end,"
                + " declaration_days, created_at, updated_at) VALUES ('基准贴息项目', '370200', 100000000000,"
                + " '2025-01-01', '2026-12-31', 30, '" + NOW + "', '" + NOW + "')");
        long id = Long.parseLong(scalar(st, "SELECT LAST_INSERT_ID()"));
        st.execute("INSERT INTO subsidy_rule_version (programme_id, version, effective_from, interest_rules,"
                + " fee_rules, created_at, updated_at) VALUES (" + id + ", 1, '2025-01-01',"
                + " '{\"lprRatio\":0.60,\"annualCap\":500000.00,\"windowMonths\":12,\"disabledGates\":[]}',"
                + " '{\"evaluationFeeRatio\":0.50,\"evaluationFeeAnnualCap\":50000.00,"
                + "\"insurancePremiumRatio\":0.50,\"insurancePremiumAnnualCap\":20000.00}', '" + NOW + "', '"
                + NOW + "')");
        return id;
    }

    private static void clearSubsidies(Statement st) throws Exception {
        st.execute("SET SESSION foreign_key_checks = 0");
        for (String t : List.of("subsidy_line", "subsidy_run_loan", "subsidy_dry_run_total", "fee_subsidy_evidence",
                "subsidy_claim", "subsidy_run", "subsidy_rule_version")) {
            st.execute("TRUNCATE TABLE " + t);
        }
        // deleted, not truncated: a new programme id is a new job instance
        st.execute("DELETE FROM subsidy_programme");
        st.execute("SET SESSION foreign_key_checks = 1");
    }

    /** The floor: one INSERT … SELECT of the uncapped min(by_interest, by_rate) of every payment; seconds. */
    private static double floor(Statement st) throws Exception {
        st.execute("DROP TABLE IF EXISTS bench_floor");
        st.execute("CREATE TABLE bench_floor (payment_id BIGINT NOT NULL PRIMARY KEY, amount DECIMAL(19,2) NOT NULL)");
        String d = "GREATEST(0, DATEDIFF(LEAST(p.accrual_end, l.disbursed_on + INTERVAL 12 MONTH),"
                + " GREATEST(p.accrual_start, l.disbursed_on)))";
        long t0 = System.nanoTime();
        st.execute("INSERT INTO bench_floor (payment_id, amount) SELECT p.id, ROUND(LEAST("
                + " p.interest_amount * " + d + " / DATEDIFF(p.accrual_end, p.accrual_start) * l.ip_share,"
                + " p.principal_balance * l.ip_share * 0.60 * r.one_year / 100 * " + d + " / 360), 2)"
                + " FROM interest_payment p JOIN loan l ON l.id = p.loan_id"
                + " JOIN lpr_rate r ON r.rate_month = DATE_FORMAT(l.contract_signed_on - INTERVAL 1 MONTH, '%Y-%m')");
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * What writing the lines alone costs the server: the floor's computation written into a scratch table with
     * subsidy_line's columns and keys, in enterprise order as the job writes them (no claims, no gates, no cap).
     */
    private static double linesFloor(Statement st) throws Exception {
        st.execute("DROP TABLE IF EXISTS bench_lines");
        st.execute("CREATE TABLE bench_lines LIKE subsidy_line");
        String d = "GREATEST(0, DATEDIFF(LEAST(p.accrual_end, l.disbursed_on + INTERVAL 12 MONTH),"
                + " GREATEST(p.accrual_start, l.disbursed_on)))";
        String byInterest = "p.interest_amount * " + d + " / DATEDIFF(p.accrual_end, p.accrual_start) * l.ip_share";
        String byRate = "p.principal_balance * l.ip_share * 0.60 * r.one_year / 100 * " + d + " / 360";
        long t0 = System.nanoTime();
        st.execute("INSERT INTO bench_lines (enterprise_id, run_id, line_no, payment_id, active_marker, cap_marker,"
                + " reason, days_in_window, by_interest, by_rate, amount_before_cap, cap_remaining_before, amount)"
                + " SELECT l.enterprise_id, 1, p.id, p.id, 1, 1, 'ELIGIBLE', " + d + ", " + byInterest + ", "
                + byRate + ", ROUND(LEAST(" + byInterest + ", " + byRate + "), 2), 500000, ROUND(LEAST("
                + byInterest + ", " + byRate + "), 2)"
                + " FROM interest_payment p JOIN loan l ON l.id = p.loan_id"
                + " JOIN lpr_rate r ON r.rate_month = DATE_FORMAT(l.contract_signed_on - INTERVAL 1 MONTH, '%Y-%m')"
                + " ORDER BY l.enterprise_id, p.id");
        double seconds = (System.nanoTime() - t0) / 1e9;
        st.execute("DROP TABLE bench_lines");
        return seconds;
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** Samples the heap in use while the job runs. */
    private static final class HeapSampler {
        final AtomicLong maxUsed = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    maxUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
