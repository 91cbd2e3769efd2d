-- Core domain: enterprises and their patents, banks' loan products, loans with their pledge registrations and the
-- interest payments banks report. Same common subset as V2 (MariaDB 10.11/11.4, MySQL 8.4): InnoDB, utf8mb4,
-- DATETIME(6) in UTC for instants, DATE for calendar dates, money DECIMAL(19,2), rates DECIMAL(9,6) as a fraction
-- (0.035 = 3.5 %), shares DECIMAL(5,4) in 0..1. Value ranges and state machines are enforced in code, not by CHECK.

-- An applicant SME of the project library. The USCC (GB 32100-2015) is the natural key, checksum-validated by the
-- app; the legal representative's identity number is kept only as AES-GCM ciphertext written by the app. The size
-- class is derived from employees / revenue / assets / industry (MIIT 2011), so it is not stored.
CREATE TABLE enterprise (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    uscc                  CHAR(18)      NOT NULL,
    name                  VARCHAR(200)  NOT NULL,
    legal_rep_name        VARCHAR(100)  NOT NULL,
    legal_rep_id_cipher   VARCHAR(255)  CHARACTER SET ascii NULL,
    district_code         CHAR(6)       NOT NULL,
    industry_code         VARCHAR(5)    NOT NULL,
    employees             INT           NOT NULL,
    annual_revenue        DECIMAL(19,2) NOT NULL,
    total_assets          DECIMAL(19,2) NOT NULL,
    high_tech             BOOLEAN       NOT NULL DEFAULT FALSE,
    specialized_sme       BOOLEAN       NOT NULL DEFAULT FALSE,
    ipm_cert_no           VARCHAR(64)   NULL,
    ipm_cert_valid_until  DATE          NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_enterprise_uscc (uscc),
    KEY idx_enterprise_district (district_code),
    KEY idx_enterprise_industry (industry_code),
    CONSTRAINT fk_enterprise_district FOREIGN KEY (district_code) REFERENCES region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- V2 created app_user.enterprise_id before this table existed; an SME user is bound to its enterprise.
ALTER TABLE app_user ADD CONSTRAINT fk_user_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id);

-- A Chinese patent, keyed by its CNIPA application number, normalised to 13 chars (12 digits + check char, no 'ZL'
-- prefix, no dot). A patent can have several owners, so ownership lives in patent_owner.
CREATE TABLE patent (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    application_no  VARCHAR(20)   NOT NULL,
    patent_type     VARCHAR(16)   NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    filing_date     DATE          NOT NULL,
    grant_date      DATE          NULL,
    expiry_date     DATE          NULL,
    legal_status    VARCHAR(16)   NOT NULL,
    ipc_main_class  VARCHAR(20)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_patent_application_no (application_no),
    KEY idx_patent_type_status (patent_type, legal_status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Co-ownership: an enterprise may pledge a patent only if it is among its owners.
CREATE TABLE patent_owner (
    patent_id      BIGINT NOT NULL,
    enterprise_id  BIGINT NOT NULL,
    PRIMARY KEY (patent_id, enterprise_id),
    KEY idx_patent_owner_enterprise (enterprise_id),
    CONSTRAINT fk_patent_owner_patent FOREIGN KEY (patent_id) REFERENCES patent (id),
    CONSTRAINT fk_patent_owner_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A bank's published IP-pledge loan product. Rows are immutable versions: a change inserts version + 1 and withdraws
-- the old row, so applications and loans keep pointing at the version they were made on. Rates are spreads in basis
-- points over the 1-year LPR; max_pledge_rate is loan / appraised IP value.
CREATE TABLE loan_product (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    bank_id             BIGINT        NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    version             INT           NOT NULL,
    amount_min          DECIMAL(19,2) NOT NULL,
    amount_max          DECIMAL(19,2) NOT NULL,
    term_months_min     INT           NOT NULL,
    term_months_max     INT           NOT NULL,
    spread_bp_min       INT           NOT NULL,
    spread_bp_max       INT           NOT NULL,
    max_pledge_rate     DECIMAL(5,4)  NOT NULL,
    insurance_required  BOOLEAN       NOT NULL DEFAULT FALSE,
    window_start        DATE          NOT NULL,
    window_end          DATE          NULL,
    status              VARCHAR(16)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_loan_product_version (bank_id, name, version),
    KEY idx_loan_product_status (status),
    CONSTRAINT fk_loan_product_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A contracted loan as reported by its bank, keyed by the bank's own id (idempotent reporting). ip_share is the share
-- of the collateral that is IP (mixed collateral): only that share counts for subsidies and risk compensation.
-- product_id is NULL for loans reported without an application made through the platform.
CREATE TABLE loan (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    bank_id               BIGINT        NOT NULL,
    enterprise_id         BIGINT        NOT NULL,
    product_id            BIGINT        NULL,
    external_id           VARCHAR(64)   NOT NULL,
    contract_no           VARCHAR(64)   NOT NULL,
    contract_signed_on    DATE          NOT NULL,
    principal             DECIMAL(19,2) NOT NULL,
    annual_rate           DECIMAL(9,6)  NOT NULL,
    maturity_date         DATE          NOT NULL,
    ip_share              DECIMAL(5,4)  NOT NULL,
    other_fiscal_subsidy  BOOLEAN       NOT NULL DEFAULT FALSE,
    disbursed_on          DATE          NULL,
    disbursed_amount      DECIMAL(19,2) NULL,
    status                VARCHAR(16)   NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_loan_bank_external (bank_id, external_id),
    KEY idx_loan_enterprise (enterprise_id, contract_signed_on),
    KEY idx_loan_product (product_id),
    KEY idx_loan_status (status),
    CONSTRAINT fk_loan_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_loan_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_loan_product FOREIGN KEY (product_id) REFERENCES loan_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A CNIPA patent pledge registration (gazette PE01; cancellation PC01 sets cancelled_on and releases the patents).
-- A patent is under an active pledge while it is in a registration with cancelled_on NULL; "first pledge" means no
-- earlier registration of that patent at all.
CREATE TABLE pledge_registration (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    loan_id          BIGINT        NOT NULL,
    registration_no  VARCHAR(64)   NOT NULL,
    registered_on    DATE          NOT NULL,
    secured_amount   DECIMAL(19,2) NOT NULL,
    cancelled_on     DATE          NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_pledge_registration_no (registration_no),
    KEY idx_pledge_registration_loan (loan_id),
    CONSTRAINT fk_pledge_registration_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The patents pledged under one registration.
CREATE TABLE pledge_registration_patent (
    registration_id  BIGINT NOT NULL,
    patent_id        BIGINT NOT NULL,
    PRIMARY KEY (registration_id, patent_id),
    KEY idx_pledge_patent_patent (patent_id),
    CONSTRAINT fk_pledge_patent_registration FOREIGN KEY (registration_id) REFERENCES pledge_registration (id),
    CONSTRAINT fk_pledge_patent_patent FOREIGN KEY (patent_id) REFERENCES patent (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One interest period of a loan as reported by the bank (keyed by the bank's own id, idempotent). accrual_end is
-- exclusive; interest_amount is what the bank charged, the basis for the interest subsidy (never exceeded by it).
CREATE TABLE interest_payment (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    loan_id            BIGINT        NOT NULL,
    external_id        VARCHAR(64)   NOT NULL,
    sequence_no        INT           NOT NULL,
    accrual_start      DATE          NOT NULL,
    accrual_end        DATE          NOT NULL,
    principal_balance  DECIMAL(19,2) NOT NULL,
    interest_amount    DECIMAL(19,2) NOT NULL,
    due_date           DATE          NOT NULL,
    paid_date          DATE          NULL,
    created_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_interest_loan_external (loan_id, external_id),
    UNIQUE KEY uk_interest_loan_sequence (loan_id, sequence_no),
    KEY idx_interest_paid (paid_date),
    CONSTRAINT fk_interest_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
