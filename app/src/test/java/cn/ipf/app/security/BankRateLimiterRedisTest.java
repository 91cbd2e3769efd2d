package cn.ipf.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.shared.error.ApiException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.embedded.RedisServer;

/**
 * The rate limiter connects with the settings Boot reads from {@code spring.data.redis.*}, here against a real Redis
 * that requires a password: the password and the client name are those of the properties, and a wrong password
 * fails closed.
 */
class BankRateLimiterRedisTest {

    private static final String PASSWORD = "rate-limit-test-pass";

    private static RedisServer server;
    private static int port;

    @BeforeAll
    static void startRedisWithAPassword() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").setting("requirepass " + PASSWORD).build();
        server.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        server.stop();
    }

    private static ApplicationContextRunner service(String password) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withBean(BankRateLimiter.class)
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
                        "spring.data.redis.password=" + password, "spring.data.redis.client-name=ipf-rate-limiter");
    }

    @Test
    void limitsWithBootsConnectionSettings() {
        service(PASSWORD).run(context -> {
            BankRateLimiter limiter = context.getBean(BankRateLimiter.class);
            assertThat(limiter.tryConsume("app-boot-settings", 2).allowed()).isTrue();
            assertThat(limiter.tryConsume("app-boot-settings", 2).allowed()).isTrue();
            BankRateLimiter.Verdict third = limiter.tryConsume("app-boot-settings", 2);
            assertThat(third.allowed()).isFalse();
            assertThat(third.retryAfterSeconds()).isPositive();
            assertThat(clientList()).as("the limiter's connection is named as configured")
                    .contains("name=ipf-rate-limiter");
        });
    }

    /**
     * A context stopped and started again (a lifecycle restart; the test framework pauses an unused context this way)
     * gives Boot's connection factory a new client: the limiter's own connection follows it instead of staying closed.
     */
    @Test
    void aRestartedContextKeepsLimiting() {
        service(PASSWORD).run(context -> {
            BankRateLimiter limiter = context.getBean(BankRateLimiter.class);
            assertThat(limiter.tryConsume("app-restart", 2).allowed()).isTrue();
            context.stop();
            context.start();
            assertThat(limiter.tryConsume("app-restart", 2).allowed()).isTrue();
            assertThat(limiter.tryConsume("app-restart", 2).allowed()).as("the bucket is the same one in Redis")
                    .isFalse();
        });
    }

    @Test
    void aWrongPasswordFailsClosed() {
        service("not-the-password").run(context -> assertThatThrownBy(() -> context.getBean(BankRateLimiter.class)
                .tryConsume("app-wrong-password", 2)).isInstanceOf(ApiException.class)
                .hasMessageContaining("REDIS_UNAVAILABLE"));
    }

    private static String clientList() {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withPassword(PASSWORD.toCharArray()).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().clientList();
        } finally {
            client.shutdown();
        }
    }
}
