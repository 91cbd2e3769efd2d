-- 银企对接活动 matching events: the office plans an event (roadshow or park campaign) for some districts and theme
-- industries, selects library enterprises and invites partner banks; the enterprises answer with their pitch.
CREATE TABLE matching_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(16)   NOT NULL,
    title       VARCHAR(100)  NOT NULL,
    event_date  DATE          NOT NULL,
    place       VARCHAR(200)  NOT NULL,
    park_name   VARCHAR(100)  NULL,
    status      VARCHAR(16)   NOT NULL,
    created_by  BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_matching_event_date (event_date, id),
    CONSTRAINT fk_matching_event_user FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE matching_event_district (
    event_id       BIGINT   NOT NULL,
    district_code  CHAR(6)  NOT NULL,
    PRIMARY KEY (event_id, district_code),
    KEY idx_matching_event_district (district_code, event_id),
    CONSTRAINT fk_event_district_event FOREIGN KEY (event_id) REFERENCES matching_event (id),
    CONSTRAINT fk_event_district_region FOREIGN KEY (district_code) REFERENCES region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Theme industries as GB/T 4754 prefixes (a section letter, optionally with the first digits of the class).
CREATE TABLE matching_event_industry (
    event_id         BIGINT      NOT NULL,
    industry_prefix  VARCHAR(5)  NOT NULL,
    PRIMARY KEY (event_id, industry_prefix),
    CONSTRAINT fk_event_industry_event FOREIGN KEY (event_id) REFERENCES matching_event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE matching_event_bank (
    event_id    BIGINT       NOT NULL,
    bank_id     BIGINT       NOT NULL,
    invited_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id, bank_id),
    KEY idx_matching_event_bank (bank_id, event_id),
    CONSTRAINT fk_event_bank_event FOREIGN KEY (event_id) REFERENCES matching_event (id),
    CONSTRAINT fk_event_bank_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An enterprise on an event: INVITED, CONFIRMED (with its pitch: text and an optional link) or DECLINED.
CREATE TABLE matching_event_enterprise (
    event_id       BIGINT         NOT NULL,
    enterprise_id  BIGINT         NOT NULL,
    attendance     VARCHAR(16)    NOT NULL,
    pitch_summary  VARCHAR(2000)  NULL,
    pitch_link     VARCHAR(500)   NULL,
    selected_at    DATETIME(6)    NOT NULL,
    responded_at   DATETIME(6)    NULL,
    PRIMARY KEY (event_id, enterprise_id),
    KEY idx_matching_event_enterprise (enterprise_id, event_id),
    CONSTRAINT fk_event_enterprise_event FOREIGN KEY (event_id) REFERENCES matching_event (id),
    CONSTRAINT fk_event_enterprise_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 意向 a bank's interest in an enterprise of an event, followed to the credit granted and the loans made.
CREATE TABLE event_intention (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    event_id           BIGINT         NOT NULL,
    bank_id            BIGINT         NOT NULL,
    enterprise_id      BIGINT         NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    note               VARCHAR(500)   NULL,
    credit_amount      DECIMAL(19,2)  NULL,
    credit_granted_on  DATE           NULL,
    recorded_at        DATETIME(6)    NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_event_intention (event_id, bank_id, enterprise_id),
    KEY idx_event_intention_bank (bank_id, id),
    CONSTRAINT fk_intention_participant FOREIGN KEY (event_id, enterprise_id)
        REFERENCES matching_event_enterprise (event_id, enterprise_id),
    CONSTRAINT fk_intention_invited_bank FOREIGN KEY (event_id, bank_id) REFERENCES matching_event_bank (event_id, bank_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A loan counts for one intention only (uk on loan_id), so event-facilitated financing is never counted twice.
CREATE TABLE event_intention_loan (
    intention_id  BIGINT       NOT NULL,
    loan_id       BIGINT       NOT NULL,
    linked_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (intention_id, loan_id),
    UNIQUE KEY uk_event_intention_loan (loan_id),
    CONSTRAINT fk_intention_loan_intention FOREIGN KEY (intention_id) REFERENCES event_intention (id),
    CONSTRAINT fk_intention_loan_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 集合授信 a bank's credit line to a group of enterprises. drawn is the sum of the line's drawdowns, kept on the row so
-- that a drawdown is one conditional UPDATE (drawn + amount <= total_limit) that concurrent drawdowns serialise on;
-- the CHECK is the schema's own guard. Expiry is not stored: the line is EXPIRED once today is after valid_until.
CREATE TABLE credit_line (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    bank_id      BIGINT         NOT NULL,
    external_id  VARCHAR(64)    NOT NULL,
    product_id   BIGINT         NOT NULL,
    event_id     BIGINT         NULL,
    total_limit  DECIMAL(19,2)  NOT NULL,
    drawn        DECIMAL(19,2)  NOT NULL DEFAULT 0,
    valid_from   DATE           NOT NULL,
    valid_until  DATE           NOT NULL,
    closed_at    DATETIME(6)    NULL,
    created_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_credit_line_external (bank_id, external_id),
    CONSTRAINT ck_credit_line_drawn CHECK (drawn >= 0 AND drawn <= total_limit),
    CONSTRAINT fk_credit_line_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_credit_line_product FOREIGN KEY (product_id) REFERENCES loan_product (id),
    CONSTRAINT fk_credit_line_event FOREIGN KEY (event_id) REFERENCES matching_event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE credit_line_member (
    line_id        BIGINT         NOT NULL,
    enterprise_id  BIGINT         NOT NULL,
    sub_limit      DECIMAL(19,2)  NOT NULL,
    drawn          DECIMAL(19,2)  NOT NULL DEFAULT 0,
    PRIMARY KEY (line_id, enterprise_id),
    CONSTRAINT ck_credit_member_drawn CHECK (drawn >= 0 AND drawn <= sub_limit),
    CONSTRAINT fk_credit_member_line FOREIGN KEY (line_id) REFERENCES credit_line (id),
    CONSTRAINT fk_credit_member_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 用信 a drawdown the bank reported under a line, optionally naming the loan (drawn under one line at most).
CREATE TABLE credit_drawdown (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    line_id        BIGINT         NOT NULL,
    bank_id        BIGINT         NOT NULL,
    external_id    VARCHAR(64)    NOT NULL,
    enterprise_id  BIGINT         NOT NULL,
    amount         DECIMAL(19,2)  NOT NULL,
    drawn_on       DATE           NOT NULL,
    loan_id        BIGINT         NULL,
    created_at     DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_credit_drawdown_external (bank_id, external_id),
    UNIQUE KEY uk_credit_drawdown_loan (loan_id),
    KEY idx_credit_drawdown_line (line_id, id),
    CONSTRAINT fk_drawdown_member FOREIGN KEY (line_id, enterprise_id) REFERENCES credit_line_member (line_id, enterprise_id),
    CONSTRAINT fk_drawdown_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
