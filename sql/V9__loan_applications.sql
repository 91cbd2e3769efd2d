-- 贷款申请 loan applications made on the platform and everything banks report on the loans that follow: pledge
-- registrations of trademarks, principal repayments, delinquency reports, recoveries, default and closure. Every record
-- a bank reports carries the bank's own id, unique per bank and kind of record, so reporting is idempotent.

-- One application to one product version. bank_id is the product's bank, kept here for the bank's listings. The
-- offer columns hold the bank's approval; the enterprise accepts or declines it.
CREATE TABLE loan_application (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id      BIGINT        NOT NULL,
    bank_id            BIGINT        NOT NULL,
    product_id         BIGINT        NOT NULL,
    amount             DECIMAL(19,2) NOT NULL,
    term_months        INT           NOT NULL,
    purpose            VARCHAR(500)  NULL,
    status             VARCHAR(16)   NOT NULL,
    offer_amount       DECIMAL(19,2) NULL,
    offer_annual_rate  DECIMAL(9,6)  NULL,
    offer_term_months  INT           NULL,
    rejection_reason   VARCHAR(32)   NULL,
    submitted_by       BIGINT        NOT NULL,
    submitted_at       DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_application_bank (bank_id, status, id),
    KEY idx_application_enterprise (enterprise_id, id),
    CONSTRAINT fk_application_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_application_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_application_product FOREIGN KEY (product_id) REFERENCES loan_product (id),
    CONSTRAINT fk_application_user FOREIGN KEY (submitted_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The IP assets offered as collateral: kind PATENT (patent.id) or TRADEMARK (trademark.id).
CREATE TABLE loan_application_asset (
    application_id  BIGINT       NOT NULL,
    asset_kind      VARCHAR(16)  NOT NULL,
    asset_id        BIGINT       NOT NULL,
    PRIMARY KEY (application_id, asset_kind, asset_id),
    CONSTRAINT fk_application_asset_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every step of an application: the status it entered, who took it and the message exchanged.
CREATE TABLE loan_application_event (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    application_id  BIGINT         NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    actor           VARCHAR(16)    NOT NULL,
    message         VARCHAR(1000)  NULL,
    at              DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_application_event (application_id, id),
    CONSTRAINT fk_application_event_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A loan made on an application points back at it (one loan per application); loans seeded before the platform had
-- applications have none. overdue_since follows the bank's latest delinquency report.
ALTER TABLE loan
    ADD COLUMN application_id             BIGINT        NULL,
    ADD COLUMN overdue_since              DATE          NULL,
    ADD COLUMN default_external_id        VARCHAR(64)   NULL,
    ADD COLUMN default_outstanding        DECIMAL(19,2) NULL,
    ADD COLUMN closed_on                  DATE          NULL,
    ADD COLUMN closure_external_id        VARCHAR(64)   NULL,
    ADD UNIQUE KEY uk_loan_application (application_id),
    ADD UNIQUE KEY uk_loan_default_external (bank_id, default_external_id),
    ADD UNIQUE KEY uk_loan_closure_external (bank_id, closure_external_id),
    ADD CONSTRAINT fk_loan_application FOREIGN KEY (application_id) REFERENCES loan_application (id);

-- Interest payments become unique per bank, like every other reported record.
ALTER TABLE interest_payment ADD COLUMN bank_id BIGINT NULL;
UPDATE interest_payment i JOIN loan l ON l.id = i.loan_id SET i.bank_id = l.bank_id;
ALTER TABLE interest_payment
    MODIFY bank_id BIGINT NOT NULL,
    ADD UNIQUE KEY uk_interest_bank_external (bank_id, external_id),
    ADD CONSTRAINT fk_interest_bank FOREIGN KEY (bank_id) REFERENCES bank (id);
ALTER TABLE interest_payment DROP INDEX uk_interest_loan_external;

-- Trademarks pledged under a registration (patents are in pledge_registration_patent).
CREATE TABLE pledge_registration_trademark (
    registration_id  BIGINT NOT NULL,
    trademark_id     BIGINT NOT NULL,
    PRIMARY KEY (registration_id, trademark_id),
    KEY idx_pledge_trademark_trademark (trademark_id),
    CONSTRAINT fk_pledge_trademark_registration FOREIGN KEY (registration_id) REFERENCES pledge_registration (id),
    CONSTRAINT fk_pledge_trademark_trademark FOREIGN KEY (trademark_id) REFERENCES trademark (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE principal_repayment (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    loan_id      BIGINT        NOT NULL,
    bank_id      BIGINT        NOT NULL,
    external_id  VARCHAR(64)   NOT NULL,
    repaid_on    DATE          NOT NULL,
    amount       DECIMAL(19,2) NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_repayment_bank_external (bank_id, external_id),
    KEY idx_repayment_loan (loan_id, repaid_on),
    CONSTRAINT fk_repayment_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_repayment_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 逾期 the bank's delinquency reports: OVERDUE since a date, or CURRENT again from a date.
CREATE TABLE loan_delinquency (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    loan_id      BIGINT       NOT NULL,
    bank_id      BIGINT       NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    since        DATE         NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_delinquency_bank_external (bank_id, external_id),
    KEY idx_delinquency_loan (loan_id, id),
    CONSTRAINT fk_delinquency_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_delinquency_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 质物处置 money recovered from disposing of a defaulted loan's pledged IP.
CREATE TABLE loan_recovery (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    loan_id         BIGINT        NOT NULL,
    bank_id         BIGINT        NOT NULL,
    external_id     VARCHAR(64)   NOT NULL,
    recovered_on    DATE          NOT NULL,
    gross_amount    DECIMAL(19,2) NOT NULL,
    disposal_costs  DECIMAL(19,2) NOT NULL,
    source          VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_recovery_bank_external (bank_id, external_id),
    KEY idx_recovery_loan (loan_id, recovered_on),
    CONSTRAINT fk_recovery_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_recovery_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
