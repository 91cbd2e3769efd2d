package cn.ipf.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Health with its database and Redis components, info, and the Prometheus scrape endpoint. */
class ObservabilityTest extends IntegrationTest {

    @Test
    void healthReportsDatabaseAndRedis() {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("redis").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesRequestMetrics() {
        http.get("/actuator/health");
        Http.Response scrape = http.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
    }

    @Test
    void infoNamesTheService() {
        assertThat(http.get("/actuator/info").body()).contains("IP Pledge Finance");
    }

    @Test
    void theContractIsServedForSwaggerUi() {
        assertThat(http.get("/openapi/openapi.yaml").body()).contains("openapi: 3.0.3");
        assertThat(http.get("/openapi/bank-api.yaml").status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs/swagger-config").body()).contains("/openapi/openapi.yaml");
    }
}
