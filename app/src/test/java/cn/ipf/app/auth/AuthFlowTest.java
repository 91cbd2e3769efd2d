package cn.ipf.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in, refresh rotation with reuse detection, lockout, sign-out, and role checks, through HTTP. */
class AuthFlowTest extends IntegrationTest {

    @Test
    void signInReturnsTokensThatIdentifyTheUser() {
        String username = user(Role.DISTRICT_REVIEWER, null, null, "370202");
        Http.Response r = http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(r.header("Cache-Control")).contains("no-store");

        Http.Response me = http.with(r.json().get("accessToken").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(username);
        assertThat(me.json().get("role").asString()).isEqualTo("DISTRICT_REVIEWER");
        assertThat(me.json().get("districtCode").asString()).isEqualTo("370202");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        String username = user(Role.CITY_REVIEWER, null, null, null);
        Http.Response login = http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD));
        String first = login.json().get("refreshToken").asString();

        Http.Response rotated = http.post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(http.with(rotated.json().get("accessToken").asString()).get("/api/v1/me").status())
                .isEqualTo(200);

        Http.Response reuse = http.post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_REUSED");

        Http.Response afterTheft = http.post("/api/v1/auth/refresh", Map.of("refreshToken", second));
        assertThat(afterTheft.status()).isEqualTo(401);
        assertThat(afterTheft.code()).isEqualTo("REFRESH_TOKEN_INVALID");
        String userId = String.valueOf(userMapper.findByUsername(username).id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'REFRESH_TOKEN_REUSED'"
                + " AND actor_id = ?", Long.class, userId)).isEqualTo(1);
    }

    @Test
    void signOutRevokesTheRefreshToken() {
        String username = user(Role.REGULATOR, null, null, null);
        String refresh = http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD))
                .json().get("refreshToken").asString();
        assertThat(http.post("/api/v1/auth/logout", Map.of("refreshToken", refresh)).status()).isEqualTo(204);
        assertThat(http.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).code())
                .isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnAdminUnlocksIt() {
        String admin = adminToken();
        String username = user(Role.REGULATOR, null, null, null);
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = http.post("/api/v1/auth/token", Map.of("username", username, "password", "nope"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        }
        Http.Response locked = http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");

        long userId = userMapper.findByUsername(username).id();
        assertThat(http.with(admin).post("/api/v1/admin/users/" + userId + "/unlock", null).status())
                .isEqualTo(204);
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void anAdminDisablesAndEnablesAUserResetsTheirPasswordButNeverDisablesThemself() {
        String adminName = user(Role.ADMIN, null, null, null);
        String admin = token(adminName);
        String username = user(Role.REGULATOR, null, null, null);
        long userId = userMapper.findByUsername(username).id();
        String refresh = http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).json()
                .get("refreshToken").asString();

        Http.Response disabled = http.with(admin).put("/api/v1/admin/users/" + userId + "/enabled",
                Map.of("enabled", false));
        assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).code())
                .isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(http.with(admin).put("/api/v1/admin/users/" + userId + "/enabled", Map.of("enabled", true))
                .json().get("enabled").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(200);

        long adminId = userMapper.findByUsername(adminName).id();
        Http.Response self = http.with(admin).put("/api/v1/admin/users/" + adminId + "/enabled",
                Map.of("enabled", false));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.code()).isEqualTo("CANNOT_DISABLE_SELF");
        assertThat(userMapper.findById(adminId).enabled()).isTrue();
        assertThat(http.with(admin).put("/api/v1/admin/users/999999999/enabled", Map.of("enabled", false)).code())
                .isEqualTo("USER_NOT_FOUND");

        Http.Response reset = http.with(admin).post("/api/v1/admin/users/" + userId + "/password-reset", null);
        assertThat(reset.status()).as("%s", reset).isEqualTo(200);
        assertThat(reset.header("Cache-Control")).contains("no-store");
        String temporary = reset.json().get("temporaryPassword").asString();
        assertThat(temporary).hasSize(14).matches(".*[A-Za-z].*").matches(".*[2-9].*");
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username, "password", temporary)).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'USER' AND entity_id = ?"
                + " AND action IN ('USER_DISABLED', 'USER_ENABLED', 'USER_PASSWORD_RESET') AND summary NOT LIKE ?",
                Long.class, String.valueOf(userId), "%" + temporary + "%")).isEqualTo(3);
    }

    @Test
    void theLockoutCountsPerAccountWhateverTheSpelling() {
        String username = user(Role.REGULATOR, null, null, null);
        // the database matches usernames ignoring case and trailing spaces; so must the lockout
        String mixed = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        for (String spelling : List.of(username, username.toUpperCase(), username + " ", mixed + "  ", username)) {
            assertThat(http.post("/api/v1/auth/token", Map.of("username", spelling, "password", "nope")).code())
                    .isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username.toUpperCase(), "password",
                PASSWORD)).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).code())
                .isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void passwordsBeyondBcryptsLimitAreRefusedNotTruncated() {
        String admin = adminToken();
        String tooLong = "a1".repeat(40);
        Http.Response created = http.with(admin).post("/api/v1/admin/users", Map.of("username", unique("long"),
                "password", tooLong, "displayName", "x", "role", "REGULATOR"));
        assertThat(created.code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(http.post("/api/v1/auth/token", Map.of("username", unique("nobody-with-a-rather-long-name"),
                "password", tooLong)).code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void rolesAreEnforced() {
        String sme = token(user(Role.SME, 1L, null, null));
        String regulator = token(user(Role.REGULATOR, null, null, null));
        String admin = adminToken();

        assertThat(http.get("/api/v1/me").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.with("not-a-jwt").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(http.with(sme).get("/api/v1/admin/users").code()).isEqualTo("FORBIDDEN");
        assertThat(http.with(sme).get("/api/v1/regulator/audit-events").code()).isEqualTo("FORBIDDEN");
        assertThat(http.with(regulator).get("/api/v1/regulator/audit-events").status()).isEqualTo(200);
        assertThat(http.with(regulator).post("/api/v1/admin/banks", Map.of("name", "x", "bankCode", "123456789012"))
                .code()).isEqualTo("FORBIDDEN");
        assertThat(http.with(admin).get("/api/v1/admin/users").status()).isEqualTo(200);
        // on the bank API a person's token counts only for the bank's own officers
        assertThat(http.with(admin).get("/api/v1/bank/me").code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void usersAreBoundToWhatTheirRoleNeeds() {
        String admin = adminToken();
        Http.Response wrongBinding = http.with(admin).post("/api/v1/admin/users", Map.of("username",
                unique("reg"), "password", PASSWORD, "displayName", "x", "role", "REGULATOR", "bankId", 1));
        assertThat(wrongBinding.code()).isEqualTo("ROLE_BINDING_INVALID");
        Http.Response unboundSme = http.with(admin).post("/api/v1/admin/users", Map.of("username", unique("sme"),
                "password", PASSWORD, "displayName", "x", "role", "SME"));
        assertThat(unboundSme.status()).as("an SME may register its enterprise later").isEqualTo(201);
        Http.Response wrongDistrict = http.with(admin).post("/api/v1/admin/users", Map.of("username",
                unique("dr"), "password", PASSWORD, "displayName", "x", "role", "DISTRICT_REVIEWER",
                "districtCode", "110101"));
        assertThat(wrongDistrict.code()).isEqualTo("DISTRICT_UNKNOWN");
        Http.Response weak = http.with(admin).post("/api/v1/admin/users", Map.of("username", unique("r"),
                "password", "short", "displayName", "x", "role", "REGULATOR"));
        assertThat(weak.status()).isEqualTo(400);
        Http.Response ok = http.with(admin).post("/api/v1/admin/users", Map.of("username", unique("bo"),
                "password", PASSWORD, "displayName", "x", "role", "BANK_OFFICER", "bankId", 1));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("bankId").asLong()).isEqualTo(1);
        assertThat(ok.json().has("password")).isFalse();
    }
}
