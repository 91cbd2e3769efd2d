-- 授权 an enterprise's consent to share its library data with one partner bank (bank_scope = the bank's id) or with
-- all partner banks (bank_scope = 0). active_marker is 1 while the consent stands and NULL once revoked, so the unique
-- key allows one standing consent per scope and any number of revoked ones (NULLs never collide).
CREATE TABLE data_sharing_consent (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT       NOT NULL,
    bank_scope     BIGINT       NOT NULL,
    active_marker  TINYINT      NULL,
    granted_at     DATETIME(6)  NOT NULL,
    granted_by     BIGINT       NOT NULL,
    revoked_at     DATETIME(6)  NULL,
    revoked_by     BIGINT       NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_consent_active (enterprise_id, bank_scope, active_marker),
    KEY idx_consent_bank (bank_scope, active_marker),
    CONSTRAINT fk_consent_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_consent_granted_by FOREIGN KEY (granted_by) REFERENCES app_user (id),
    CONSTRAINT fk_consent_revoked_by FOREIGN KEY (revoked_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
