package cn.ipf.app.auth;

import java.time.Instant;

/** 企业注册申请 an SME manager's self sign-up as stored (the password only as its hash). */
public record SignUpRecord(Long id, String formKey, String uscc, String enterpriseName, String contactName,
        String phone, String email, String username, String passwordHash, String districtCode, Long enterpriseId,
        String status, String reason, Long decidedBy, Instant decidedAt, Long userId, Instant createdAt) {
}
