-- 贴息与费用补贴 interest subsidy and fee subsidies: the 1-year LPR by month, programmes with a budget and versioned
-- parameters, the interest-subsidy runs of the batch job, the claims they produce (and the fee claims SMEs make)
-- with their review and payment, every computed line with its trace, and the fee claims' invoice evidence.

-- 1-year loan prime rate in percent (3.4500 = 3.45 %) by month 'YYYY-MM', as published on the 20th; seeded from
-- the change points in shared/notes/domain.md, one row per month; later months are added by administrators.
CREATE TABLE lpr_rate (
    rate_month  CHAR(7)       CHARACTER SET ascii NOT NULL,
    one_year    DECIMAL(6,4)  NOT NULL,
    created_by  BIGINT        NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (rate_month),
    CONSTRAINT fk_lpr_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO lpr_rate (rate_month, one_year, created_at)
SELECT m, r, '2025-05-20 00:00:00.000000' FROM (
    SELECT '2019-08' AS m, 4.25 AS r UNION ALL SELECT '2019-09', 4.20 UNION ALL SELECT '2019-10', 4.20
    UNION ALL SELECT '2019-11', 4.15 UNION ALL SELECT '2019-12', 4.15 UNION ALL SELECT '2020-01', 4.15
    UNION ALL SELECT '2020-02', 4.05 UNION ALL SELECT '2020-03', 4.05 UNION ALL SELECT '2020-04', 3.85
    UNION ALL SELECT '2020-05', 3.85 UNION ALL SELECT '2020-06', 3.85 UNION ALL SELECT '2020-07', 3.85
    UNION ALL SELECT '2020-08', 3.85 UNION ALL SELECT '2020-09', 3.85 UNION ALL SELECT '2020-10', 3.85
    UNION ALL SELECT '2020-11', 3.85 UNION ALL SELECT '2020-12', 3.85 UNION ALL SELECT '2021-01', 3.85
    UNION ALL SELECT '2021-02', 3.85 UNION ALL SELECT '2021-03', 3.85 UNION ALL SELECT '2021-04', 3.85
    UNION ALL SELECT '2021-05', 3.85 UNION ALL SELECT '2021-06', 3.85 UNION ALL SELECT '2021-07', 3.85
    UNION ALL SELECT '2021-08', 3.85 UNION ALL SELECT '2021-09', 3.85 UNION ALL SELECT '2021-10', 3.85
    UNION ALL SELECT '2021-11', 3.85 UNION ALL SELECT '2021-12', 3.80 UNION ALL SELECT '2022-01', 3.70
    UNION ALL SELECT '2022-02', 3.70 UNION ALL SELECT '2022-03', 3.70 UNION ALL SELECT '2022-04', 3.70
    UNION ALL SELECT '2022-05', 3.70 UNION ALL SELECT '2022-06', 3.70 UNION ALL SELECT '2022-07', 3.70
    UNION ALL SELECT '2022-08', 3.65 UNION ALL SELECT '2022-09', 3.65 UNION ALL SELECT '2022-10', 3.65
    UNION ALL SELECT '2022-11', 3.65 UNION ALL SELECT '2022-12', 3.65 UNION ALL SELECT '2023-01', 3.65
    UNION ALL SELECT '2023-02', 3.65 UNION ALL SELECT '2023-03', 3.65 UNION ALL SELECT '2023-04', 3.65
    UNION ALL SELECT '2023-05', 3.65 UNION ALL SELECT '2023-06', 3.55 UNION ALL SELECT '2023-07', 3.55
    UNION ALL SELECT '2023-08', 3.45 UNION ALL SELECT '2023-09', 3.45 UNION ALL SELECT '2023-10', 3.45
    UNION ALL SELECT '2023-11', 3.45 UNION ALL SELECT '2023-12', 3.45 UNION ALL SELECT '2024-01', 3.45
    UNION ALL SELECT '2024-02', 3.45 UNION ALL SELECT '2024-03', 3.45 UNION ALL SELECT '2024-04', 3.45
    UNION ALL SELECT '2024-05', 3.45 UNION ALL SELECT '2024-06', 3.45 UNION ALL SELECT '2024-07', 3.35
    UNION ALL SELECT '2024-08', 3.35 UNION ALL SELECT '2024-09', 3.35 UNION ALL SELECT '2024-10', 3.10
    UNION ALL SELECT '2024-11', 3.10 UNION ALL SELECT '2024-12', 3.10 UNION ALL SELECT '2025-01', 3.10
    UNION ALL SELECT '2025-02', 3.10 UNION ALL SELECT '2025-03', 3.10 UNION ALL SELECT '2025-04', 3.10
    UNION ALL SELECT '2025-05', 3.00
) seed;

-- 补贴项目 a programme: a region (a city covers its districts), a budget for every claim it approves, the period
-- whose payments and invoices it subsidises, and the days an SME has to declare a computed claim.
CREATE TABLE subsidy_programme (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    name              VARCHAR(200)   NOT NULL,
    region_code       CHAR(6)        NOT NULL,
    budget            DECIMAL(19,2)  NOT NULL,
    period_start      DATE           NOT NULL,
    period_end        DATE           NOT NULL,
    declaration_days  INT            NOT NULL,
    created_by        BIGINT         NULL,
    created_at        DATETIME(6)    NOT NULL,
    updated_at        DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_programme_region (region_code),
    CONSTRAINT fk_programme_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_programme_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The programme's parameters, versioned by effective date: the interest-subsidy rules and the fee-subsidy rules as
-- JSON. A version that an approved claim used can no longer change (checked under the programme's row lock).
CREATE TABLE subsidy_rule_version (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    programme_id    BIGINT       NOT NULL,
    version         INT          NOT NULL,
    effective_from  DATE         NOT NULL,
    interest_rules  TEXT         NOT NULL,
    fee_rules       TEXT         NOT NULL,
    created_by      BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_rule_version (programme_id, version),
    UNIQUE KEY uk_rule_version_effective (programme_id, effective_from),
    CONSTRAINT fk_rule_version_programme FOREIGN KEY (programme_id) REFERENCES subsidy_programme (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One run of the interest-subsidy job (one Spring Batch job instance; a restart continues the same run). as_of and
-- run_date are fixed when the run opens, so a restart sees exactly the records the first attempt saw. A claims run
-- is unique per programme and period (claims_marker 1); a dry run (what-if) writes totals, no claims, and may repeat.
-- interest_rules is the snapshot the run computed with (a dry run's alternative parameters included).
CREATE TABLE subsidy_run (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id     BIGINT         NOT NULL,
    period           VARCHAR(7)     CHARACTER SET ascii NOT NULL,
    period_start     DATE           NOT NULL,
    period_end       DATE           NOT NULL,
    dry_run          BOOLEAN        NOT NULL,
    claims_marker    TINYINT        NULL,
    job_instance_id  BIGINT         NOT NULL,
    rule_version_id  BIGINT         NOT NULL,
    rules_version    INT            NOT NULL,
    interest_rules   TEXT           NOT NULL,
    as_of            DATETIME(6)    NOT NULL,
    run_date         DATE           NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    claim_count      INT            NULL,
    line_count       BIGINT         NULL,
    total_amount     DECIMAL(19,2)  NULL,
    started_at       DATETIME(6)    NOT NULL,
    completed_at     DATETIME(6)    NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_run_job_instance (job_instance_id),
    UNIQUE KEY uk_run_claims_period (programme_id, period, claims_marker),
    CONSTRAINT fk_run_programme FOREIGN KEY (programme_id) REFERENCES subsidy_programme (id),
    CONSTRAINT fk_run_rule_version FOREIGN KEY (rule_version_id) REFERENCES subsidy_rule_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The loan gates as a run established them, and the reference rate of the loan in that run (LPR of the month before
-- the contract month × the run's ratio), for the trace of every line of the loan. gate is the first failing one (NULL:
-- all passed); the LPR is NULL when a gate before the rate limit failed (it was not needed).
CREATE TABLE subsidy_run_loan (
    run_id                   BIGINT         NOT NULL,
    loan_id                  BIGINT         NOT NULL,
    admitted                 BOOLEAN        NOT NULL,
    size_class               VARCHAR(8)     NOT NULL,
    blacklisted              BOOLEAN        NOT NULL,
    pledged_by_disbursement  BOOLEAN        NOT NULL,
    first_pledge_invention   BOOLEAN        NOT NULL,
    other_fiscal_subsidy     BOOLEAN        NOT NULL,
    annual_rate              DECIMAL(9,6)   NOT NULL,
    gate                     VARCHAR(32)    NULL,
    lpr_month                CHAR(7)        CHARACTER SET ascii NULL,
    lpr                      DECIMAL(6,4)   NULL,
    reference_rate           DECIMAL(16,10) NULL,
    PRIMARY KEY (run_id, loan_id),
    CONSTRAINT fk_run_loan_run FOREIGN KEY (run_id) REFERENCES subsidy_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A dry run's result per enterprise and bank (what-if reports compare these with the parameters in force).
CREATE TABLE subsidy_dry_run_total (
    run_id             BIGINT         NOT NULL,
    enterprise_id      BIGINT         NOT NULL,
    bank_id            BIGINT         NOT NULL,
    line_count         INT            NOT NULL,
    amount_before_cap  DECIMAL(19,2)  NOT NULL,
    amount             DECIMAL(19,2)  NOT NULL,
    PRIMARY KEY (run_id, enterprise_id, bank_id),
    CONSTRAINT fk_dry_run_total_run FOREIGN KEY (run_id) REFERENCES subsidy_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 申报 → 审核 → 兑付 a claim: an interest claim of one run for one enterprise (one per run and enterprise), or a fee
-- claim an SME made with invoice evidence (run_id NULL). kind: INTEREST, EVALUATION_FEE, INSURANCE_PREMIUM.
-- status: COMPUTED, DECLARED, DISTRICT_APPROVED, CITY_APPROVED, PAID, REJECTED, EXPIRED.
CREATE TABLE subsidy_claim (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id          BIGINT         NOT NULL,
    run_id                BIGINT         NULL,
    enterprise_id         BIGINT         NOT NULL,
    kind                  VARCHAR(24)    NOT NULL,
    status                VARCHAR(20)    NOT NULL,
    rule_version_id       BIGINT         NOT NULL,
    total_amount          DECIMAL(19,2)  NOT NULL,
    line_count            INT            NOT NULL,
    declare_by            DATE           NULL,
    account_name          VARCHAR(200)   NULL,
    account_bank          VARCHAR(200)   NULL,
    account_no            VARCHAR(40)    NULL,
    no_double_subsidy     BOOLEAN        NOT NULL DEFAULT FALSE,
    declared_at           DATETIME(6)    NULL,
    declared_by           BIGINT         NULL,
    district_approved_at  DATETIME(6)    NULL,
    district_approved_by  BIGINT         NULL,
    city_approved_at      DATETIME(6)    NULL,
    city_approved_by      BIGINT         NULL,
    rejected_at           DATETIME(6)    NULL,
    rejected_by           BIGINT         NULL,
    rejection_reason      VARCHAR(1000)  NULL,
    expired_at            DATETIME(6)    NULL,
    voucher_no            VARCHAR(64)    NULL,
    paid_on               DATE           NULL,
    paid_recorded_at      DATETIME(6)    NULL,
    paid_recorded_by      BIGINT         NULL,
    created_at            DATETIME(6)    NOT NULL,
    updated_at            DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_claim_enterprise_run (enterprise_id, run_id),
    KEY idx_claim_run (run_id),
    KEY idx_claim_programme (programme_id, status),
    KEY idx_claim_deadline (status, declare_by),
    KEY idx_claim_rule_version (rule_version_id, status),
    CONSTRAINT fk_claim_programme FOREIGN KEY (programme_id) REFERENCES subsidy_programme (id),
    CONSTRAINT fk_claim_run FOREIGN KEY (run_id) REFERENCES subsidy_run (id),
    CONSTRAINT fk_claim_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_claim_rule_version FOREIGN KEY (rule_version_id) REFERENCES subsidy_rule_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One interest payment's line in a claim, in cap order (line_no), with what is particular to it; the rest of its trace
-- is its payment (dates, D, balance, interest), its loan's row in subsidy_run_loan (gates, LPR, reference rate) and its
-- run (parameters and their version). A payment is in at most one line that is not rejected: active_marker is 1 until
-- the claim is rejected, then NULL, so the unique key allows any number of rejected lines and one standing line per
-- payment (NULLs never collide). cap_marker is 1 while the line uses the annual cap (NULL once rejected or expired).
-- by_interest and by_rate are exact to 6 decimals for reading; amount_before_cap is the rounded min of the two.
-- Clustered by enterprise: a claim's lines and an enterprise's cap use are one range of the primary key. The job is
-- the only writer, in the transaction that writes the line's claim; the table (a million rows a year) has no foreign
-- keys, whose checks would add half again to the writing.
CREATE TABLE subsidy_line (
    enterprise_id         BIGINT         NOT NULL,
    run_id                BIGINT         NOT NULL,
    line_no               INT            NOT NULL,
    payment_id            BIGINT         NOT NULL,
    active_marker         TINYINT        NULL,
    cap_marker            TINYINT        NULL,
    reason                VARCHAR(32)    NOT NULL,
    days_in_window        INT            NOT NULL,
    by_interest           DECIMAL(25,6)  NULL,
    by_rate               DECIMAL(25,6)  NULL,
    amount_before_cap     DECIMAL(19,2)  NOT NULL,
    cap_remaining_before  DECIMAL(19,2)  NULL,
    amount                DECIMAL(19,2)  NOT NULL,
    PRIMARY KEY (enterprise_id, run_id, line_no),
    UNIQUE KEY uk_line_payment_active (payment_id, active_marker)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 费用补贴 a fee claim's evidence and computation: the invoice (and, for a premium, the insurance policy), the loan it
-- belongs to and, for an evaluation fee, the appraisal. An invoice and an appraisal are in at most one standing
-- (not rejected) claim: active_marker as in subsidy_line. cap_marker is 1 while the claim uses the annual cap.
CREATE TABLE fee_subsidy_evidence (
    claim_id              BIGINT         NOT NULL,
    kind                  VARCHAR(24)    NOT NULL,
    loan_id               BIGINT         NOT NULL,
    appraisal_id          BIGINT         NULL,
    policy_no             VARCHAR(64)    NULL,
    insurer               VARCHAR(200)   NULL,
    invoice_no            VARCHAR(64)    NOT NULL,
    invoice_issuer        VARCHAR(200)   NOT NULL,
    invoice_date          DATE           NOT NULL,
    invoice_amount        DECIMAL(19,2)  NOT NULL,
    cap_year              SMALLINT       NOT NULL,
    ratio                 DECIMAL(5,4)   NOT NULL,
    annual_cap            DECIMAL(19,2)  NOT NULL,
    amount_before_cap     DECIMAL(19,2)  NOT NULL,
    cap_remaining_before  DECIMAL(19,2)  NOT NULL,
    amount                DECIMAL(19,2)  NOT NULL,
    reason                VARCHAR(32)    NOT NULL,
    rules_version         INT            NOT NULL,
    active_marker         TINYINT        NULL,
    cap_marker            TINYINT        NULL,
    PRIMARY KEY (claim_id),
    UNIQUE KEY uk_fee_invoice_active (invoice_no, active_marker),
    UNIQUE KEY uk_fee_appraisal_active (appraisal_id, active_marker),
    KEY idx_fee_loan (loan_id),
    CONSTRAINT fk_fee_claim FOREIGN KEY (claim_id) REFERENCES subsidy_claim (id),
    CONSTRAINT fk_fee_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_fee_appraisal FOREIGN KEY (appraisal_id) REFERENCES appraisal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
