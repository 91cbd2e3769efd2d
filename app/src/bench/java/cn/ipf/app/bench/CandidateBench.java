package cn.ipf.app.bench;

import cn.ipf.app.IpfApplication;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.library.MatchProfiles;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test) of the bank's candidate search against the trivial signed endpoint GET /api/v1/bank/me,
 * same app, same driver, one run: seeds 100 000 enterprises and 200 products into the database {@code ipf_bench} of
 * the machine's MariaDB (root, no password), starts the service against it (rate limit lifted), then measures
 * p50 / p99 at 200 requests/s (open loop) and the maximum throughput of each (closed loop). See docs/benchmarks.md.
 *
 * <p>Run: {@code ./mvnw -B -q -pl app -am -Pbench -DskipTests test}. System properties: {@code bench.reuse=true}
 * keeps an already seeded database; {@code bench.rate} (200) and {@code bench.seconds} (60) set the open loop,
 * {@code bench.concurrency} (32) the closed loop; {@code bench.rankingTtl} (the service's default when absent) sets
 * how long rankings are reused, {@code 0s} measuring the uncached search.
 */
public final class CandidateBench {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String OPTIONS = "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";
    /**
     * Connector/J parses every statement's SQL on prepare unless prepared statements are cached, and sends each
     * autocommit switch of a transaction unless it tracks the session state (settings a deployment's URL carries).
     */
    private static final String DRIVER_TUNING = "&cachePrepStmts=true&prepStmtCacheSize=500"
            + "&prepStmtCacheSqlLimit=8192&useLocalSessionState=true";

    private CandidateBench() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        // the service's non-daemon threads would keep the JVM (and exec:java) waiting
        System.exit(0);
    }

    private static void run() throws Exception {
        boolean reuse = Boolean.getBoolean("bench.reuse");
        int seconds = Integer.getInteger("bench.seconds", 60);
        int rate = Integer.getInteger("bench.rate", 200);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        if (!reuse) {
            try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS ipf_bench");
                st.execute("CREATE DATABASE ipf_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", SERVER + "ipf_bench" + OPTIONS + DRIVER_TUNING);
        props.put("spring.datasource.username", "root");
        props.put("spring.datasource.password", "");
        props.put("spring.data.redis.database", "7");
        props.put("server.port", "0");
        props.put("ipf.security.jwt-secret", Base64.getEncoder().encodeToString("bench-only-jwt-secret-32-bytes!!".getBytes()));
        props.put("ipf.security.master-key", Base64.getEncoder().encodeToString("bench-only-master-key-32-bytes!!".getBytes()));
        // the per-app rate limit would cap the maximum-throughput phase: lifted for the benchmark's app
        props.put("ipf.security.rate-limit-per-minute", "100000000");
        if (System.getProperty("bench.rankingTtl") != null) {
            props.put("ipf.candidates.ranking-ttl", System.getProperty("bench.rankingTtl"));
        }
        props.put("logging.level.root", "WARN");
        props.put("spring.main.banner-mode", "off");
        // as command-line arguments: they override application.yml
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IpfApplication.class)
                .run(props.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        if (!reuse) {
            long t0 = System.nanoTime();
            BenchData.Summary seeded = BenchData.seed(ctx.getBean(DataSource.class));
            // written past the library's services: their match profiles as a bulk load gets them
            ctx.getBean(MatchProfiles.class).fillMissing();
            System.out.printf("seeded in %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, seeded);
        }
        try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE bank_view_log"); // each run starts with an empty view log
        }
        BankRegistry.IssuedSecret app = ctx.getBean(BankRegistry.class).createApp(1, "bench", 100_000_000);
        LoadDriver driver = new LoadDriver("http://127.0.0.1:" + port, app.appId(), app.secret());

        // bank 1's ten products, first page of 20, round robin
        List<Long> products = LongStream.rangeClosed(1, BenchData.PRODUCTS_PER_BANK).boxed().toList();
        IntFunction<String> me = i -> "/api/v1/bank/me";
        IntFunction<String> search = i -> "/api/v1/bank/products/" + products.get(i % products.size())
                + "/candidates?page=0&size=20";
        for (long p : products) {
            HttpResponse<String> r = driver.get(search.apply((int) (p - 1)));
            String body = r.body();
            int at = body.indexOf("\"totalElements\":");
            System.out.printf("product %d: HTTP %d, candidates %s%n", p, r.statusCode(),
                    at < 0 ? body : body.substring(at + 16, body.indexOf(',', at)));
        }

        System.out.println("warm-up ...");
        driver.closedLoop("warm-up", me, 8, 15);
        driver.closedLoop("warm-up", search, 8, 30);

        System.out.println("load before: " + load());
        if (seconds > 0) {
            System.out.println("open loop, " + rate + " requests/s, " + seconds + " s each:");
            System.out.println("  " + driver.openLoop("bank/me", me, rate, seconds));
            System.out.println("  " + driver.openLoop("candidates", search, rate, seconds));
        }

        System.out.println("closed loop, " + concurrency + " in flight, 2 × 15 s each, alternating:");
        double meMax = 0;
        double searchMax = 0;
        for (int round = 0; round < 2; round++) {
            LoadDriver.Result m = driver.closedLoop("bank/me", me, concurrency, 15);
            System.out.println("  " + m);
            LoadDriver.Result s = driver.closedLoop("candidates", search, concurrency, 15);
            System.out.println("  " + s);
            meMax += m.throughput() / 2;
            searchMax += s.throughput() / 2;
        }
        System.out.printf("max throughput: bank/me %.0f req/s, candidates %.0f req/s, ratio %.2f%n", meMax,
                searchMax, searchMax / meMax);
        System.out.println("load after: " + load());
        ctx.close();
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
