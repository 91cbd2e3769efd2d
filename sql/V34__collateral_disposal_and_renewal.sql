-- 质物处置 collateral disposal and 续贷 renewal.

-- One disposal case per asset pledged on a defaulted loan: auction 拍卖, sale 变卖, licensing 许可, transfer 转让.
-- closed_on is set by the case's CLOSURE step; nothing may follow it.
CREATE TABLE disposal_case (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    loan_id      BIGINT       NOT NULL,
    bank_id      BIGINT       NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    asset_kind   VARCHAR(16)  NOT NULL,
    asset_id     BIGINT       NOT NULL,
    method       VARCHAR(16)  NOT NULL,
    opened_on    DATE         NOT NULL,
    closed_on    DATE         NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_disposal_case_bank_external (bank_id, external_id),
    UNIQUE KEY uk_disposal_case_asset (loan_id, asset_kind, asset_id),
    CONSTRAINT fk_disposal_case_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_disposal_case_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The steps of a case in the order reported. A PROCEEDS step carries money and is recorded as the loan's recovery
-- (recovery_id), which the risk-compensation job returns to the fund layers like any other recovery.
CREATE TABLE disposal_step (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    case_id         BIGINT         NOT NULL,
    bank_id         BIGINT         NOT NULL,
    external_id     VARCHAR(64)    NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    step_on         DATE           NOT NULL,
    note            VARCHAR(500)   NULL,
    gross_amount    DECIMAL(19,2)  NULL,
    disposal_costs  DECIMAL(19,2)  NULL,
    recovery_id     BIGINT         NULL,
    created_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_disposal_step_bank_external (bank_id, external_id),
    UNIQUE KEY uk_disposal_step_recovery (recovery_id),
    KEY idx_disposal_step_case (case_id, id),
    CONSTRAINT fk_disposal_step_case FOREIGN KEY (case_id) REFERENCES disposal_case (id),
    CONSTRAINT fk_disposal_step_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_disposal_step_recovery FOREIGN KEY (recovery_id) REFERENCES loan_recovery (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 续贷 a loan renewing a maturing one on the same pledge (at most one renewal each way). The statistics count the
-- financing once: loans with renewal_of_id are not new pledge loans.
ALTER TABLE loan
    ADD COLUMN renewal_of_id BIGINT NULL,
    ADD UNIQUE KEY uk_loan_renewal_of (renewal_of_id),
    ADD CONSTRAINT fk_loan_renewal_of FOREIGN KEY (renewal_of_id) REFERENCES loan (id);

-- PM01 变更登记 a change registration continues a pledge for the renewing loan: change_of_id is the pledge's original
-- registration (the root, however many renewals follow). It is not a new registration in the statistics, and the
-- original's registration counts as its first pledge.
ALTER TABLE pledge_registration
    ADD COLUMN change_of_id BIGINT NULL,
    ADD CONSTRAINT fk_pledge_registration_change_of FOREIGN KEY (change_of_id) REFERENCES pledge_registration (id);
