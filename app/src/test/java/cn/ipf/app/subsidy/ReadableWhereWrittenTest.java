package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin resources that were write-only answer GET with what the public reads answer (they were 405). */
class ReadableWhereWrittenTest extends IntegrationTest {

    @Test
    void lprMonthsAndProgrammesAreReadableWhereAdminsWriteThem() {
        String admin = adminToken();
        Http.Response created = http.with(admin).post("/api/v1/admin/subsidy-programmes", Map.of("name",
                unique("贴息"), "regionCode", "370200", "budget", 1000, "periodStart", "2025-01-01",
                "periodEnd", "2025-12-31"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long programmeId = created.json().get("programmeId").asLong();

        Http.Response lpr = http.with(admin).get("/api/v1/admin/lpr-rates");
        assertThat(lpr.status()).isEqualTo(200);
        assertThat(lpr.json()).isEqualTo(http.with(admin).get("/api/v1/subsidy/lpr-rates").json()).isNotEmpty();

        Http.Response programmes = http.with(admin).get("/api/v1/admin/subsidy-programmes");
        assertThat(programmes.status()).isEqualTo(200);
        assertThat(programmes.json()).isEqualTo(http.with(admin).get("/api/v1/subsidy/programmes").json());
        Http.Response one = http.with(admin).get("/api/v1/admin/subsidy-programmes/" + programmeId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(http.with(admin).get("/api/v1/subsidy/programmes/" + programmeId).json());
        assertThat(http.with(admin).get("/api/v1/admin/subsidy-programmes/999999").code())
                .isEqualTo("PROGRAMME_NOT_FOUND");

        Http.Response compensation = http.with(admin).get("/api/v1/admin/compensation-programmes");
        assertThat(compensation.status()).isEqualTo(200);
        assertThat(compensation.json()).isEqualTo(http.with(admin).get("/api/v1/compensation/programmes").json());

        String regulator = token(user(Role.REGULATOR, null, null, null));
        assertThat(http.with(regulator).get("/api/v1/admin/lpr-rates").status()).isEqualTo(403);
    }
}
