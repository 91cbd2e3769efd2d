-- 兑付批次 payment batches: city-approved subsidy claims handed to the agent bank or the treasury as a file, settled by
-- importing the bank's result file (each line PAID with its value date and reference, or FAILED with the reason).

CREATE TABLE payment_batch (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id   BIGINT         NOT NULL,
    status         VARCHAR(12)    NOT NULL,
    claim_count    INT            NOT NULL,
    total_amount   DECIMAL(19,2)  NOT NULL,
    paid_count     INT            NULL,
    paid_amount    DECIMAL(19,2)  NULL,
    failed_count   INT            NULL,
    failed_amount  DECIMAL(19,2)  NULL,
    result_sha256  CHAR(64)       NULL,
    created_by     BIGINT         NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    settled_by     BIGINT         NULL,
    settled_at     DATETIME(6)    NULL,
    PRIMARY KEY (id),
    KEY idx_payment_batch_programme (programme_id, status),
    CONSTRAINT fk_payment_batch_programme FOREIGN KEY (programme_id) REFERENCES subsidy_programme (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One transfer of a batch, with the payee as it was sent. open_claim_id is the claim id while the batch is open and
-- NULL once it is settled: its unique key keeps a claim out of two open batches whatever the callers do.
CREATE TABLE payment_batch_line (
    batch_id        BIGINT         NOT NULL,
    line_no         INT            NOT NULL,
    claim_id        BIGINT         NOT NULL,
    open_claim_id   BIGINT         NULL,
    payee_name      VARCHAR(200)   NOT NULL,
    account_no      VARCHAR(40)    NOT NULL,
    account_bank    VARCHAR(200)   NOT NULL,
    amount          DECIMAL(19,2)  NOT NULL,
    purpose         VARCHAR(200)   NOT NULL,
    result          VARCHAR(8)     NULL,
    value_date      DATE           NULL,
    bank_reference  VARCHAR(64)    NULL,
    failure_reason  VARCHAR(200)   NULL,
    PRIMARY KEY (batch_id, line_no),
    UNIQUE KEY uk_payment_line_open_claim (open_claim_id),
    KEY idx_payment_line_claim (claim_id),
    CONSTRAINT fk_payment_line_batch FOREIGN KEY (batch_id) REFERENCES payment_batch (id),
    CONSTRAINT fk_payment_line_claim FOREIGN KEY (claim_id) REFERENCES subsidy_claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The last failed transfer of a claim, shown to the SME until it corrects its account.
ALTER TABLE subsidy_claim
    ADD COLUMN payment_failure_reason VARCHAR(200) NULL,
    ADD COLUMN payment_failed_on      DATE         NULL;
