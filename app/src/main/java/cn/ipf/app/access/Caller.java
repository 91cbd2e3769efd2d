package cn.ipf.app.access;

import cn.ipf.app.user.Role;

/**
 * The calling person; an SME's enterprise is read from the database, as it may be bound after sign-in. A bank
 * officer's bank is the one its token names.
 */
public record Caller(long userId, Role role, Long enterpriseId, String districtCode, Long bankId) {

    public boolean is(Role r) {
        return role == r;
    }
}
