-- 兑付 one payment-batch mechanism for interest subsidies, fee subsidies and compensation payouts; batches can be
-- cancelled; a corrected payee account is re-reviewed before it is paid again; some failures may be re-issued as sent.

-- 结算账户 the account a bank receives compensation payouts on (payee of its claims' batch lines), set by an admin;
-- a payout that failed before the account last changed goes out again to the new account.
ALTER TABLE bank
    ADD COLUMN settlement_account_name       VARCHAR(200) NULL,
    ADD COLUMN settlement_account_bank       VARCHAR(200) NULL,
    ADD COLUMN settlement_account_no         VARCHAR(40)  NULL,
    ADD COLUMN settlement_account_updated_at DATETIME(6)  NULL;

-- A batch holds subsidy claims of one subsidy programme, compensation payouts of one compensation programme, or both.
ALTER TABLE payment_batch
    MODIFY programme_id BIGINT NULL,
    ADD COLUMN compensation_programme_id BIGINT      NULL,
    ADD COLUMN cancelled_by              BIGINT      NULL,
    ADD COLUMN cancelled_at              DATETIME(6) NULL,
    ADD COLUMN cancel_reason             VARCHAR(500) NULL,
    ADD CONSTRAINT fk_payment_batch_comp_programme FOREIGN KEY (compensation_programme_id)
        REFERENCES compensation_programme (id),
    ADD CONSTRAINT ck_payment_batch_programme CHECK (programme_id IS NOT NULL OR compensation_programme_id IS NOT NULL);

-- A line pays a subsidy claim or a compensation claim; open_compensation_claim_id keeps a compensation claim out of
-- two open batches as open_claim_id does for subsidy claims.
ALTER TABLE payment_batch_line
    MODIFY claim_id BIGINT NULL,
    ADD COLUMN compensation_claim_id      BIGINT NULL,
    ADD COLUMN open_compensation_claim_id BIGINT NULL,
    ADD UNIQUE KEY uk_payment_line_open_comp_claim (open_compensation_claim_id),
    ADD CONSTRAINT fk_payment_line_comp_claim FOREIGN KEY (compensation_claim_id) REFERENCES compensation_claim (id),
    ADD CONSTRAINT ck_payment_line_one_claim CHECK ((claim_id IS NULL) <> (compensation_claim_id IS NULL));

-- After a FAILED line: whether the reason allows re-issuing as sent, and the SME's correction awaiting the district.
ALTER TABLE subsidy_claim
    ADD COLUMN payment_retry_allowed  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN account_review_pending BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN account_corrected_at   DATETIME(6) NULL,
    ADD COLUMN account_reviewed_by    BIGINT      NULL,
    ADD COLUMN account_reviewed_at    DATETIME(6) NULL;

-- PAYABLE (released by the payout job, its payout lines fixed, waiting for a batch) → PAID from the bank's result.
ALTER TABLE compensation_claim
    ADD COLUMN payable_at             DATETIME(6)  NULL,
    ADD COLUMN paid_on                DATE         NULL,
    ADD COLUMN bank_reference         VARCHAR(64)  NULL,
    ADD COLUMN payment_failure_reason VARCHAR(200) NULL,
    ADD COLUMN payment_failed_on      DATE         NULL,
    ADD COLUMN payment_failed_at      DATETIME(6)  NULL,
    ADD COLUMN payment_retry_allowed  BOOLEAN      NOT NULL DEFAULT FALSE;
