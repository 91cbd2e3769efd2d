package cn.ipf.app.library;

import java.util.Optional;

/**
 * 注册确认 what a district reviewer confirmed when approving an SME account's self sign-up: the enterprise it speaks
 * for. Implemented where sign-ups live ({@code auth}); the library asks it so that such an account registers that
 * enterprise and no other.
 */
public interface ConfirmedIdentities {

    /** The enterprise as confirmed at sign-up. */
    record Identity(String uscc, String enterpriseName, String districtCode) {
    }

    /** The identity confirmed for the SME account, empty for accounts not made by a sign-up. */
    Optional<Identity> of(long userId);
}
