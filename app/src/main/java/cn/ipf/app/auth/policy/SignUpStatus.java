package cn.ipf.app.auth.policy;

/** Where an SME's self sign-up (企业自助注册) stands: only an approved one has an account that can sign in. */
public enum SignUpStatus {
    PENDING, APPROVED, REJECTED
}
