-- 风险补偿 risk compensation: programmes with versioned rule sets (loss layers, fund cap, gates, supervision targets),
-- banks' cooperation agreements, fund accounts with a double-entry ledger, claims banks file on defaulted loans with
-- their two-level review, payout lines with their trace and the return of recoveries to the layers that bore the loss.
-- Exactly once is a property of the schema: one standing claim per loan, one claim per bank external id, one payout
-- journal per claim, one return per recovery.

-- 补偿资金项目 a programme of a region (a city covers its districts).
CREATE TABLE compensation_programme (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    name         VARCHAR(200)  NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    created_by   BIGINT        NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_comp_programme_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_comp_programme_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The programme's rule set by effective date, as JSON (layers and shares, fund cap per loan, overdue days, filing
-- window, leverage target, NPL tolerance). Versions are append-only: a claim keeps the version it was filed under.
CREATE TABLE compensation_rule_version (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    programme_id    BIGINT       NOT NULL,
    version         INT          NOT NULL,
    effective_from  DATE         NOT NULL,
    rules           TEXT         NOT NULL,
    created_by      BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_comp_rule_version (programme_id, version),
    UNIQUE KEY uk_comp_rule_effective (programme_id, effective_from),
    CONSTRAINT fk_comp_rule_programme FOREIGN KEY (programme_id) REFERENCES compensation_programme (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 合作协议 a bank's cooperation agreement with the programme: active from..to (NULL: open-ended) and the fund money
-- attributed to the bank (the base of its leverage).
CREATE TABLE compensation_agreement (
    id                      BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id            BIGINT         NOT NULL,
    bank_id                 BIGINT         NOT NULL,
    agreement_no            VARCHAR(64)    NOT NULL,
    active_from             DATE           NOT NULL,
    active_to               DATE           NULL,
    attributed_fund_amount  DECIMAL(19,2)  NOT NULL,
    created_by              BIGINT         NULL,
    created_at              DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_comp_agreement_no (programme_id, agreement_no),
    KEY idx_comp_agreement_bank (bank_id, programme_id, active_from),
    CONSTRAINT fk_comp_agreement_programme FOREIGN KEY (programme_id) REFERENCES compensation_programme (id),
    CONSTRAINT fk_comp_agreement_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT ck_comp_agreement_amount CHECK (attributed_fund_amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 资金账户 a fund account of the programme, one per fund layer code (PROVINCIAL_FUND, MUNICIPAL_FUND, ...).
CREATE TABLE compensation_fund (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    programme_id  BIGINT        NOT NULL,
    code          VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_comp_fund_code (programme_id, code),
    CONSTRAINT fk_comp_fund_programme FOREIGN KEY (programme_id) REFERENCES compensation_programme (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The ledger's accounts: per fund its cash (ASSET), contributions (EQUITY), compensation paid (EXPENSE) and
-- recoveries returned (INCOME). balance = debits − credits of its postings, kept in the posting transaction under the
-- account's row lock (the trial balance recomputes it from the postings).
CREATE TABLE ledger_account (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id  BIGINT         NOT NULL,
    fund_id       BIGINT         NOT NULL,
    code          VARCHAR(48)    CHARACTER SET ascii NOT NULL,
    account_type  VARCHAR(8)     NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    balance       DECIMAL(19,2)  NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_account_code (programme_id, code),
    UNIQUE KEY uk_ledger_account_fund_type (fund_id, account_type),
    CONSTRAINT fk_ledger_account_programme FOREIGN KEY (programme_id) REFERENCES compensation_programme (id),
    CONSTRAINT fk_ledger_account_fund FOREIGN KEY (fund_id) REFERENCES compensation_fund (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 存入/追加 money the treasury puts into a fund account, unique by its voucher reference per fund.
CREATE TABLE fund_deposit (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    fund_id       BIGINT         NOT NULL,
    kind          VARCHAR(8)     NOT NULL,
    amount        DECIMAL(19,2)  NOT NULL,
    reference     VARCHAR(64)    NOT NULL,
    deposited_on  DATE           NOT NULL,
    created_by    BIGINT         NULL,
    created_at    DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_fund_deposit_reference (fund_id, reference),
    CONSTRAINT fk_fund_deposit_fund FOREIGN KEY (fund_id) REFERENCES compensation_fund (id),
    CONSTRAINT ck_fund_deposit_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 索赔 a bank's claim on a defaulted loan. standing_marker is 1 unless the claim is REJECTED (then NULL), so the
-- unique key allows one standing claim per loan and any number of rejected ones. The loss facts (outstanding at
-- default, IP share, L) and the gate outcomes are kept as filed; the rule version is the one in force on filed_on.
-- status: FILED, DISTRICT_APPROVED, CITY_APPROVED, WAITING_FOR_FUNDS, PAID, REJECTED.
CREATE TABLE compensation_claim (
    id                      BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id            BIGINT         NOT NULL,
    bank_id                 BIGINT         NOT NULL,
    loan_id                 BIGINT         NOT NULL,
    external_id             VARCHAR(64)    NOT NULL,
    standing_marker         TINYINT        NULL,
    status                  VARCHAR(20)    NOT NULL,
    rule_version_id         BIGINT         NOT NULL,
    filed_on                DATE           NOT NULL,
    outstanding_at_default  DECIMAL(19,2)  NOT NULL,
    ip_share                DECIMAL(5,4)   NOT NULL,
    loss_base               DECIMAL(19,2)  NOT NULL,
    gates                   TEXT           NOT NULL,
    filed_at                DATETIME(6)    NOT NULL,
    district_approved_by    BIGINT         NULL,
    district_approved_at    DATETIME(6)    NULL,
    city_approved_by        BIGINT         NULL,
    city_approved_at        DATETIME(6)    NULL,
    rejected_by             BIGINT         NULL,
    rejected_at             DATETIME(6)    NULL,
    rejection_reason        VARCHAR(1000)  NULL,
    waiting_since           DATETIME(6)    NULL,
    paid_at                 DATETIME(6)    NULL,
    updated_at              DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_comp_claim_bank_external (bank_id, external_id),
    UNIQUE KEY uk_comp_claim_loan_standing (loan_id, standing_marker),
    KEY idx_comp_claim_queue (programme_id, status, city_approved_at, id),
    CONSTRAINT fk_comp_claim_programme FOREIGN KEY (programme_id) REFERENCES compensation_programme (id),
    CONSTRAINT fk_comp_claim_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_comp_claim_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_comp_claim_rule_version FOREIGN KEY (rule_version_id) REFERENCES compensation_rule_version (id),
    CONSTRAINT ck_comp_claim_marker CHECK ((status = 'REJECTED') = (standing_marker IS NULL)
        AND COALESCE(standing_marker, 1) = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The evidence a bank files with a claim: references to documents it keeps (court rulings, disposal records, ...).
CREATE TABLE compensation_claim_evidence (
    claim_id     BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    reference    VARCHAR(200)  NOT NULL,
    description  VARCHAR(500)  NULL,
    PRIMARY KEY (claim_id, seq),
    CONSTRAINT fk_comp_evidence_claim FOREIGN KEY (claim_id) REFERENCES compensation_claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 日记账 one journal entry: a deposit, a claim's payout or a recovery's return. At most one payout journal per claim
-- and one return journal per recovery (unique keys: the job can run any number of times).
CREATE TABLE ledger_journal (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id        BIGINT         NOT NULL,
    kind                VARCHAR(16)    NOT NULL,
    memo                VARCHAR(500)   NOT NULL,
    deposit_id          BIGINT         NULL,
    payout_claim_id     BIGINT         NULL,
    return_recovery_id  BIGINT         NULL,
    total               DECIMAL(19,2)  NOT NULL,
    posted_on           DATE           NOT NULL,
    posted_at           DATETIME(6)    NOT NULL,
    posted_by           BIGINT         NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_journal_deposit (deposit_id),
    UNIQUE KEY uk_journal_payout (payout_claim_id),
    UNIQUE KEY uk_journal_return (return_recovery_id),
    KEY idx_journal_programme (programme_id, id),
    CONSTRAINT fk_journal_programme FOREIGN KEY (programme_id) REFERENCES compensation_programme (id),
    CONSTRAINT fk_journal_deposit FOREIGN KEY (deposit_id) REFERENCES fund_deposit (id),
    CONSTRAINT fk_journal_claim FOREIGN KEY (payout_claim_id) REFERENCES compensation_claim (id),
    CONSTRAINT fk_journal_recovery FOREIGN KEY (return_recovery_id) REFERENCES loan_recovery (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A journal's lines as postings: each debits one account and credits another with the same positive amount, so every
-- journal balances by construction (no trigger needed) and so does the whole ledger.
CREATE TABLE ledger_posting (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    journal_id         BIGINT         NOT NULL,
    debit_account_id   BIGINT         NOT NULL,
    credit_account_id  BIGINT         NOT NULL,
    amount             DECIMAL(19,2)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_posting_journal (journal_id),
    KEY idx_posting_debit (debit_account_id),
    KEY idx_posting_credit (credit_account_id),
    CONSTRAINT fk_posting_journal FOREIGN KEY (journal_id) REFERENCES ledger_journal (id),
    CONSTRAINT fk_posting_debit FOREIGN KEY (debit_account_id) REFERENCES ledger_account (id),
    CONSTRAINT fk_posting_credit FOREIGN KEY (credit_account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_posting_amount CHECK (amount > 0),
    CONSTRAINT ck_posting_two_accounts CHECK (debit_account_id <> credit_account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 赔付明细 a paid claim's layers with their trace: L, share, the exact product, the rounded amount before and after
-- the fund cap, the rounding difference put on this layer, and the posting that paid a fund layer.
CREATE TABLE compensation_payout_line (
    claim_id               BIGINT         NOT NULL,
    line_no                INT            NOT NULL,
    layer_code             VARCHAR(32)    CHARACTER SET ascii NOT NULL,
    layer_kind             VARCHAR(16)    NOT NULL,
    share                  DECIMAL(5,4)   NOT NULL,
    fund_id                BIGINT         NULL,
    loss_base              DECIMAL(19,2)  NOT NULL,
    exact_amount           DECIMAL(25,6)  NOT NULL,
    amount_before_cap      DECIMAL(19,2)  NOT NULL,
    amount                 DECIMAL(19,2)  NOT NULL,
    rounding_adjustment    DECIMAL(19,2)  NOT NULL,
    cap_applied            BOOLEAN        NOT NULL,
    fund_total_before_cap  DECIMAL(19,2)  NOT NULL,
    fund_cap               DECIMAL(19,2)  NOT NULL,
    rules_version          INT            NOT NULL,
    posting_id             BIGINT         NULL,
    PRIMARY KEY (claim_id, line_no),
    UNIQUE KEY uk_payout_line_layer (claim_id, layer_code),
    CONSTRAINT fk_payout_line_claim FOREIGN KEY (claim_id) REFERENCES compensation_claim (id),
    CONSTRAINT fk_payout_line_fund FOREIGN KEY (fund_id) REFERENCES compensation_fund (id),
    CONSTRAINT fk_payout_line_posting FOREIGN KEY (posting_id) REFERENCES ledger_posting (id),
    CONSTRAINT ck_payout_line_amount CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 追偿返还 one recovery of a paid claim's loan, returned once: net = max(0, gross − costs), what the layers get
-- (distributable, never beyond what they still bore) and the surplus left to the bank.
CREATE TABLE compensation_recovery_return (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    recovery_id    BIGINT         NOT NULL,
    claim_id       BIGINT         NOT NULL,
    net            DECIMAL(19,2)  NOT NULL,
    distributable  DECIMAL(19,2)  NOT NULL,
    surplus        DECIMAL(19,2)  NOT NULL,
    processed_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_recovery_return (recovery_id),
    KEY idx_recovery_return_claim (claim_id, id),
    CONSTRAINT fk_recovery_return_recovery FOREIGN KEY (recovery_id) REFERENCES loan_recovery (id),
    CONSTRAINT fk_recovery_return_claim FOREIGN KEY (claim_id) REFERENCES compensation_claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE compensation_return_line (
    return_id        BIGINT         NOT NULL,
    line_no          INT            NOT NULL,
    layer_code       VARCHAR(32)    CHARACTER SET ascii NOT NULL,
    layer_kind       VARCHAR(16)    NOT NULL,
    fund_id          BIGINT         NULL,
    borne            DECIMAL(19,2)  NOT NULL,
    returned_before  DECIMAL(19,2)  NOT NULL,
    amount           DECIMAL(19,2)  NOT NULL,
    posting_id       BIGINT         NULL,
    PRIMARY KEY (return_id, line_no),
    CONSTRAINT fk_return_line_return FOREIGN KEY (return_id) REFERENCES compensation_recovery_return (id),
    CONSTRAINT fk_return_line_fund FOREIGN KEY (fund_id) REFERENCES compensation_fund (id),
    CONSTRAINT fk_return_line_posting FOREIGN KEY (posting_id) REFERENCES ledger_posting (id),
    CONSTRAINT ck_return_line_amount CHECK (amount >= 0 AND returned_before + amount <= borne)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 不良率 a bank's overall non-performing-loan rate by month (0.0132 = 1.32 %), reported by the bank or an admin.
CREATE TABLE bank_npl_rate (
    bank_id      BIGINT        NOT NULL,
    rate_month   CHAR(7)       CHARACTER SET ascii NOT NULL,
    npl_rate     DECIMAL(7,6)  NOT NULL,
    reported_by  VARCHAR(64)   NOT NULL,
    reported_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (bank_id, rate_month),
    CONSTRAINT fk_npl_rate_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT ck_npl_rate_range CHECK (npl_rate >= 0 AND npl_rate <= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
