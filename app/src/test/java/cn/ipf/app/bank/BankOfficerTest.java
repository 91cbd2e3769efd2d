package cn.ipf.app.bank;

import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A bank's officers use the bank API with their own sign-in, bound to their bank like its systems. */
class BankOfficerTest extends IntegrationTest {

    @Test
    void anOfficerWorksForItsOwnBankOnly() {
        String admin = adminToken();
        long bankA = bank(admin);
        long bankB = bank(admin);
        Http officerA = http.with(token(user(Role.BANK_OFFICER, null, bankA, null)));
        Http officerB = http.with(token(user(Role.BANK_OFFICER, null, bankB, null)));
        Object form = JsonMapper.shared().convertValue(inventionProduct(unique("柜面贷")), Object.class);

        assertThat(officerA.post("/api/v1/bank/products", form).code())
                .as("bank POSTs need an Idempotency-Key whoever sends them").isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        Http.Response published = officerA.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/bank/products", form);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("bankId").asLong()).isEqualTo(bankA);
        long productId = published.json().get("productId").asLong();

        Http.Response me = officerA.get("/api/v1/bank/me");
        assertThat(me.json().get("bankId").asLong()).isEqualTo(bankA);
        assertThat(me.json().has("officerUserId")).isTrue();
        assertThat(me.json().has("appId")).isFalse();
        assertThat(officerA.get("/api/v1/bank/products/" + productId).status()).isEqualTo(200);
        assertThat(officerB.get("/api/v1/bank/products/" + productId).status()).isEqualTo(404);
        assertThat(officerB.get("/api/v1/bank/loan-applications").json().get("items")).isEmpty();

        assertThat(http.with(token(user(Role.SME, null, null, null))).get("/api/v1/bank/products").code())
                .isEqualTo("FORBIDDEN");
        assertThat(http.with(adminToken()).get("/api/v1/bank/products").code()).isEqualTo("FORBIDDEN");
        assertThat(http.get("/api/v1/bank/products").status()).isEqualTo(401);
        assertThat(http.with("not-a-token").get("/api/v1/bank/products").status()).isEqualTo(401);
    }
}
