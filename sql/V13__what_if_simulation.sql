-- 政策模拟 what-if simulations: a regulator's alternative parameters for a subsidy and/or a compensation programme
-- over a period range, recomputed by the job what-if-simulation without claims or ledger postings, against the
-- parameters in force. The subsidy side reuses the interest-subsidy job in dry-run mode (two dry runs, both linked
-- here); a dry run's period may now be a range ("2025-01..2025-06"), hence the wider period column.
ALTER TABLE subsidy_run MODIFY period VARCHAR(16) CHARACTER SET ascii NOT NULL;

-- status: RUNNING, COMPLETED, FAILED. subsidy_in_force and subsidy_alternative are full interest-subsidy parameter
-- sets (JSON) of version subsidy_rules_version; compensation_alternative holds only what it overrides (layers and/or
-- the fund cap), each claim's own rule version supplying the rest and the parameters in force.
CREATE TABLE simulation (
    id                          BIGINT         NOT NULL AUTO_INCREMENT,
    name                        VARCHAR(200)   NOT NULL,
    status                      VARCHAR(12)    NOT NULL,
    period_from                 VARCHAR(7)     CHARACTER SET ascii NOT NULL,
    period_to                   VARCHAR(7)     CHARACTER SET ascii NOT NULL,
    from_date                   DATE           NOT NULL,
    to_date                     DATE           NOT NULL,
    subsidy_programme_id        BIGINT         NULL,
    subsidy_rules_version       INT            NULL,
    subsidy_in_force            TEXT           NULL,
    subsidy_alternative         TEXT           NULL,
    subsidy_baseline_run_id     BIGINT         NULL,
    subsidy_alternative_run_id  BIGINT         NULL,
    compensation_programme_id   BIGINT         NULL,
    compensation_alternative    TEXT           NULL,
    job_execution_id            BIGINT         NULL,
    failure                     VARCHAR(1000)  NULL,
    requested_by                BIGINT         NOT NULL,
    requested_at                DATETIME(6)    NOT NULL,
    completed_at                DATETIME(6)    NULL,
    PRIMARY KEY (id),
    KEY idx_simulation_requested (requested_at, id),
    CONSTRAINT fk_simulation_subsidy_programme FOREIGN KEY (subsidy_programme_id) REFERENCES subsidy_programme (id),
    CONSTRAINT fk_simulation_baseline_run FOREIGN KEY (subsidy_baseline_run_id) REFERENCES subsidy_run (id),
    CONSTRAINT fk_simulation_alternative_run FOREIGN KEY (subsidy_alternative_run_id) REFERENCES subsidy_run (id),
    CONSTRAINT fk_simulation_comp_programme FOREIGN KEY (compensation_programme_id)
        REFERENCES compensation_programme (id),
    CONSTRAINT fk_simulation_requested_by FOREIGN KEY (requested_by) REFERENCES app_user (id),
    CONSTRAINT ck_simulation_scope CHECK (subsidy_programme_id IS NOT NULL OR compensation_programme_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The report at its finest grain: per measure (SUBSIDY: interest subsidy; COMPENSATION: what the funds pay;
-- RECOVERY_RETURN: what recoveries give back to the funds), enterprise and bank, the count and amount under the
-- parameters in force and under the alternative. District, bank and total views are sums of these rows, so a total
-- always equals the sum of its lines. district_code is the enterprise's when the simulation ran.
CREATE TABLE simulation_line (
    simulation_id       BIGINT         NOT NULL,
    measure             VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    enterprise_id       BIGINT         NOT NULL,
    bank_id             BIGINT         NOT NULL,
    district_code       CHAR(6)        NOT NULL,
    baseline_count      INT            NOT NULL,
    baseline_amount     DECIMAL(19,2)  NOT NULL,
    alternative_count   INT            NOT NULL,
    alternative_amount  DECIMAL(19,2)  NOT NULL,
    PRIMARY KEY (simulation_id, measure, enterprise_id, bank_id),
    KEY idx_simulation_line_district (simulation_id, measure, district_code),
    KEY idx_simulation_line_bank (simulation_id, measure, bank_id),
    CONSTRAINT fk_simulation_line_simulation FOREIGN KEY (simulation_id) REFERENCES simulation (id),
    CONSTRAINT fk_simulation_line_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_simulation_line_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
