-- 银企对接 candidate search: what an enterprise shares with a bank, and the log of every bank view of it.

-- The categories of library data a consent shares (PROFILE is always among them: without it an enterprise cannot be
-- a candidate). Consents given before scopes existed shared everything, so existing rows get every scope.
ALTER TABLE data_sharing_consent
    ADD COLUMN data_scopes SET('PROFILE', 'FINANCIALS', 'LEGAL_REPRESENTATIVE', 'IP_ASSETS', 'CREDIT',
                               'FINANCING_DEMAND') NOT NULL
        DEFAULT 'PROFILE,FINANCIALS,LEGAL_REPRESENTATIVE,IP_ASSETS,CREDIT,FINANCING_DEMAND';

-- The candidate search starts from the standing consents to one bank and to all banks: an index-only range.
ALTER TABLE data_sharing_consent ADD KEY idx_consent_bank_enterprise (bank_scope, active_marker, enterprise_id);
ALTER TABLE data_sharing_consent DROP INDEX idx_consent_bank;

-- Every time a bank saw an enterprise: LISTED in a candidate page, VIEWED as a candidate's detail. Written by the
-- signed bank API (app_id) or, later, a bank officer (user_id); the enterprise reads its own log, newest first.
-- Append-only and written with every page a bank reads, so it carries only the index it is read by; bank and product
-- ids are recorded facts (neither row is ever deleted), not foreign keys that would each add an index to maintain.
CREATE TABLE bank_view_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT       NOT NULL,
    bank_id        BIGINT       NOT NULL,
    app_id         VARCHAR(64)  NULL,
    user_id        BIGINT       NULL,
    product_id     BIGINT       NULL,
    kind           VARCHAR(8)   NOT NULL,
    viewed_at      DATETIME(6)  NOT NULL,
    request_id     VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    KEY idx_bank_view_enterprise (enterprise_id, id),
    CONSTRAINT fk_bank_view_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
