-- 历史数据迁移 an office's past years taken over from spreadsheets: one row per uploaded file (its bytes, so that the
-- job reads exactly what was uploaded), keyed by SHA-256 so that the same file is never imported twice; the
-- row-by-row errors of a refused file; and subsidies already paid before the platform, which count against the
-- enterprise's annual caps.
CREATE TABLE import_file (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    kind              VARCHAR(24)   NOT NULL,
    sha256            CHAR(64)      CHARACTER SET ascii NOT NULL,
    file_name         VARCHAR(255)  NOT NULL,
    xlsx              BOOLEAN       NOT NULL,
    content           MEDIUMBLOB    NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    row_count         INT           NULL,
    error_count       INT           NULL,
    job_execution_id  BIGINT        NULL,
    uploaded_by       BIGINT        NULL,
    uploaded_at       DATETIME(6)   NOT NULL,
    completed_at      DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_import_file_sha256 (sha256),
    CONSTRAINT fk_import_file_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE import_error (
    file_id      BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    row_no       INT           NOT NULL,
    column_name  VARCHAR(64)   NOT NULL,
    code         VARCHAR(48)   NOT NULL,
    message_zh   VARCHAR(500)  NOT NULL,
    message_en   VARCHAR(500)  NOT NULL,
    PRIMARY KEY (file_id, seq),
    CONSTRAINT fk_import_error_file FOREIGN KEY (file_id) REFERENCES import_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A subsidy paid before the platform (kind INTEREST, EVALUATION_FEE, INSURANCE_PREMIUM): it uses the enterprise's
-- annual cap of its kind for cap_year, like a standing line or fee claim of that year.
CREATE TABLE imported_subsidy_payout (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT         NOT NULL,
    kind           VARCHAR(24)    NOT NULL,
    cap_year       SMALLINT       NOT NULL,
    paid_on        DATE           NOT NULL,
    amount         DECIMAL(19,2)  NOT NULL,
    reference      VARCHAR(64)    NOT NULL,
    file_id        BIGINT         NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_imported_payout_reference (reference),
    KEY idx_imported_payout_cap (enterprise_id, kind, cap_year),
    CONSTRAINT fk_imported_payout_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_imported_payout_file FOREIGN KEY (file_id) REFERENCES import_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
