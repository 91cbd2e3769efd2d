-- 质押融资项目库 the project library: IP assets beyond patents, appraisals, credit ratings, the serious-dishonesty
-- history, financing demand, versioned screening rules, each enterprise's admission state and its decision history.

-- CNIPA high-value invention categories (strategic emerging industry, foreign family member, maintained > 10 years,
-- award), recorded per patent.
ALTER TABLE patent
    ADD COLUMN hv_strategic_industry BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN hv_foreign_family     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN hv_long_maintained    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN hv_award              BOOLEAN NOT NULL DEFAULT FALSE;

-- The screening gate "no defaulted loan in the last 3 years" needs the default date, not only the status.
ALTER TABLE loan ADD COLUMN defaulted_on DATE NULL;

CREATE TABLE trademark (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    registration_no  VARCHAR(20)   NOT NULL,
    mark_name        VARCHAR(200)  NOT NULL,
    nice_class       INT           NOT NULL,
    valid_until      DATE          NOT NULL,
    enterprise_id    BIGINT        NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_trademark_registration (registration_no, nice_class),
    KEY idx_trademark_enterprise (enterprise_id),
    CONSTRAINT fk_trademark_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 地理标志 a geographical indication the enterprise is authorised to use (registration no. of the GI product and,
-- where the authorisation is time-limited, its end).
CREATE TABLE geographical_indication (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    registration_no  VARCHAR(40)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    valid_until      DATE          NULL,
    enterprise_id    BIGINT        NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_gi_registration_enterprise (registration_no, enterprise_id),
    CONSTRAINT fk_gi_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An appraisal of one asset (patent, trademark or geographical indication) for one enterprise; the latest per asset is its value.
CREATE TABLE appraisal (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id    BIGINT        NOT NULL,
    asset_kind       VARCHAR(32)   NOT NULL,
    asset_id         BIGINT        NOT NULL,
    appraised_value  DECIMAL(19,2) NOT NULL,
    appraiser        VARCHAR(200)  NOT NULL,
    report_no        VARCHAR(64)   NOT NULL,
    appraised_on     DATE          NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_appraisal_report_asset (report_no, asset_kind, asset_id),
    KEY idx_appraisal_asset (asset_kind, asset_id, appraised_on),
    KEY idx_appraisal_enterprise (enterprise_id),
    CONSTRAINT fk_appraisal_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Credit ratings as recorded by reviewers, with their source; the latest by rated_on counts.
CREATE TABLE credit_rating (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT        NOT NULL,
    rating         VARCHAR(8)    NOT NULL,
    source         VARCHAR(200)  NOT NULL,
    rated_on       DATE          NOT NULL,
    recorded_by    BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_rating_enterprise (enterprise_id, rated_on),
    CONSTRAINT fk_rating_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_rating_user FOREIGN KEY (recorded_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 严重违法失信名单 history: an open listing (delisted_on NULL) excludes the enterprise.
CREATE TABLE dishonesty_record (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT        NOT NULL,
    listed_on      DATE          NOT NULL,
    delisted_on    DATE          NULL,
    source         VARCHAR(200)  NOT NULL,
    recorded_by    BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_dishonesty_enterprise (enterprise_id),
    CONSTRAINT fk_dishonesty_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_dishonesty_user FOREIGN KEY (recorded_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 融资需求: at most one open demand per enterprise. open_marker is 1 while open and NULL once closed, so the unique
-- key allows any number of closed demands (NULLs never collide) and exactly one open one.
CREATE TABLE financing_demand (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT        NOT NULL,
    amount         DECIMAL(19,2) NOT NULL,
    term_months    INT           NOT NULL,
    purpose        VARCHAR(500)  NOT NULL,
    needed_by      DATE          NULL,
    open_marker    TINYINT       NULL,
    created_at     DATETIME(6)   NOT NULL,
    closed_at      DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_demand_open (enterprise_id, open_marker),
    CONSTRAINT fk_demand_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE financing_demand_bank (
    demand_id  BIGINT NOT NULL,
    bank_id    BIGINT NOT NULL,
    PRIMARY KEY (demand_id, bank_id),
    CONSTRAINT fk_demand_bank_demand FOREIGN KEY (demand_id) REFERENCES financing_demand (id),
    CONSTRAINT fk_demand_bank_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Screening rule sets, versioned by effective date; the rules are the JSON form of the ScreeningRules record.
-- A decision stores the version it used, so a new version never changes a decision already taken.
CREATE TABLE screening_rule_set (
    version         INT          NOT NULL,
    effective_from  DATE         NOT NULL,
    rules           TEXT         NOT NULL,
    created_by      BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (version),
    UNIQUE KEY uk_rule_set_effective (effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO screening_rule_set (version, effective_from, rules, created_by, created_at) VALUES (1, '2020-01-01',
'{"inventionTiers":[{"minCount":1,"points":10},{"minCount":2,"points":20},{"minCount":5,"points":30}],"highValueTiers":[{"minCount":1,"points":8},{"minCount":2,"points":15}],"ipmCertificationPoints":10,"highTechPoints":8,"specializedPoints":7,"creditRatingPoints":{"AAA":20,"AA":15,"A":10,"BBB":5},"demandCoveredPoints":10,"demandUncoveredPoints":5,"demandCoverageRatio":0.50,"admissionThreshold":60,"defaultLookbackYears":3}',
NULL, '2020-01-01 00:00:00.000000');

-- Each enterprise's place in the library (one row, created with the enterprise as DRAFT). The score and rule-set
-- version are those of the latest decision; review_flag is set by the annual re-review.
CREATE TABLE library_entry (
    enterprise_id         BIGINT        NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    score                 INT           NULL,
    rule_set_version      INT           NULL,
    district_approved_by  BIGINT        NULL,
    admitted_on           DATE          NULL,
    recommended           BOOLEAN       NOT NULL DEFAULT FALSE,
    recommended_at        DATETIME(6)   NULL,
    review_flag           VARCHAR(500)  NULL,
    review_flagged_at     DATETIME(6)   NULL,
    updated_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (enterprise_id),
    KEY idx_entry_status (status, enterprise_id),
    CONSTRAINT fk_entry_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every admission step with the screening breakdown and rule-set version frozen at that moment.
CREATE TABLE admission_decision (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id     BIGINT        NOT NULL,
    action            VARCHAR(20)   NOT NULL,
    from_status       VARCHAR(20)   NOT NULL,
    to_status         VARCHAR(20)   NOT NULL,
    actor_user_id     BIGINT        NULL,
    actor_role        VARCHAR(32)   NOT NULL,
    comment           VARCHAR(1000) NULL,
    rule_set_version  INT           NOT NULL,
    score             INT           NOT NULL,
    screening         TEXT          NOT NULL,
    decided_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_decision_enterprise (enterprise_id, id),
    CONSTRAINT fk_decision_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_decision_rule_set FOREIGN KEY (rule_set_version) REFERENCES screening_rule_set (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
