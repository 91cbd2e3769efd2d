-- 监管工作台 the regulators' workspace: the city plan's targets by indicator, region and year (maintained by admins).
-- Indicators are computed from the records on demand; only the targets are stored.
CREATE TABLE statistics_target (
    indicator     VARCHAR(32)    CHARACTER SET ascii NOT NULL,
    region_code   CHAR(6)        NOT NULL,
    target_year   SMALLINT       NOT NULL,
    target_value  DECIMAL(19,2)  NOT NULL,
    updated_by    BIGINT         NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    PRIMARY KEY (target_year, region_code, indicator),
    CONSTRAINT fk_statistics_target_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_statistics_target_user FOREIGN KEY (updated_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
