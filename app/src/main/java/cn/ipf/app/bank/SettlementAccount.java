package cn.ipf.app.bank;

import java.time.Instant;

/** 结算账户 the account a bank receives compensation payouts on; null fields when none is set. */
public record SettlementAccount(String name, String bank, String number, Instant updatedAt) {
}
