package cn.ipf.app.bank;

import java.time.Instant;

/** 合作银行 a partner bank. */
public record Bank(Long id, String name, String bankCode, Instant createdAt) {
}
