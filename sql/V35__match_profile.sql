-- 匹配画像 what matching needs to know of an enterprise, kept by the library's writes (issue 16): the candidate search
-- ranks from these rows instead of recomputing ratings, invention counts and pledgeable assets for thousands of
-- enterprises. A row holds the facts as of as_of and stays true through valid_through (the day before the next dated
-- change: an asset's expiry, a rating or appraisal dated later); the search refreshes the rows outside that range.
-- Per kind: the pledgeable assets (valid, under no active pledge) and their latest appraised values summed.
-- Rows are filled by the service (at start for enterprises without one, then by every write that changes them).
CREATE TABLE match_profile (
    enterprise_id          BIGINT        NOT NULL,
    district_code          CHAR(6)       NOT NULL,
    industry_code          VARCHAR(5)    NOT NULL,
    demand_amount          DECIMAL(19,2) NULL,
    demand_term_months     INT           NULL,
    preferred_bank_ids     VARCHAR(1000) NULL,
    credit_rating          VARCHAR(8)    NULL,
    valid_inventions       INT           NOT NULL,
    invention_assets       INT           NOT NULL,
    invention_value        DECIMAL(19,2) NOT NULL,
    utility_model_assets   INT           NOT NULL,
    utility_model_value    DECIMAL(19,2) NOT NULL,
    design_assets          INT           NOT NULL,
    design_value           DECIMAL(19,2) NOT NULL,
    trademark_assets       INT           NOT NULL,
    trademark_value        DECIMAL(19,2) NOT NULL,
    indication_assets      INT           NOT NULL,
    indication_value       DECIMAL(19,2) NOT NULL,
    as_of                  DATE          NOT NULL,
    valid_through          DATE          NOT NULL,
    PRIMARY KEY (enterprise_id),
    KEY idx_match_profile_valid_through (valid_through),
    KEY idx_match_profile_as_of (as_of),
    CONSTRAINT fk_match_profile_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 排名版本 the version of the banks' candidate rankings: bank_scope 0 for every bank, else a bank's id. Bumped in the
-- transaction of the consent, admission or product change that makes rankings stale, so no commit is without its
-- bump; every page a bank reads is served from a ranking computed under the version it reads.
CREATE TABLE candidate_ranking_version (
    bank_scope  BIGINT  NOT NULL,
    version     BIGINT  NOT NULL,
    PRIMARY KEY (bank_scope)
) ENGINE = InnoDB;
