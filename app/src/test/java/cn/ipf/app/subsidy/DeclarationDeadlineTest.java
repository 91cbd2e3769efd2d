package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The declaration window of a computed claim closes at the end of its {@code declareBy} day in the business time zone
 * (Asia/Shanghai), crossed by moving the application's clock rather than by waiting.
 */
class DeclarationDeadlineTest extends SubsidyTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aClaimCanBeDeclaredUntilMidnightInTheBusinessZoneOfItsLastDay() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "100000", 2);
        interestParameters(admin, programmeId, interest("4000", null));
        Bank bank = lender(admin);
        Borrower e = borrower(region.district(), true);
        String ref = loan(bank, e, e.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "1000000", "2875.00", d("2025-07-15"));
        completedRun(admin, programmeId, "2025-Q3");
        JsonNode claim = claimOf(admin, programmeId, e.enterpriseId(), "2025-Q3");
        LocalDate declareBy = LocalDate.parse(claim.get("declareBy").asString());
        assertThat(declareBy).isEqualTo(today().plusDays(2));
        String path = CLAIMS + "/" + claim.get("claimId").asLong() + "/declaration";

        // 00:00:01 the next day in Shanghai is still the declareBy day in UTC: the business zone decides
        clock.set(declareBy.plusDays(1).atStartOfDay(SHANGHAI).plusSeconds(1).toInstant());
        Http.Response late = http.with(e.sme().token()).post(path, declaration());
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("DECLARATION_DEADLINE_PASSED");
        assertThat(claim(admin, claim.get("claimId").asLong()).get("status").asString()).isEqualTo("COMPUTED");

        clock.set(declareBy.plusDays(1).atStartOfDay(SHANGHAI).minusSeconds(1).toInstant());
        Http.Response inTime = http.with(e.sme().token()).post(path, declaration());
        assertThat(inTime.status()).as(inTime.toString()).isEqualTo(200);
        assertThat(inTime.json().get("status").asString()).isEqualTo("DECLARED");
    }
}
