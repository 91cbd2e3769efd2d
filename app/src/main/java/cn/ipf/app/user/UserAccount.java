package cn.ipf.app.user;

import java.time.Instant;

/** A person's account as stored (the password only as its hash). */
public record UserAccount(Long id, String username, String passwordHash, String displayName, Role role,
        Long enterpriseId, Long bankId, String districtCode, boolean enabled, Instant createdAt) {
}
