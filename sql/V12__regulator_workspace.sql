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

-- 月度报告 the monthly progress report files (job regulator-monthly-report): one row per month and format, the file
-- itself under ipf.regulator.report-dir (streamed in and out, never held in memory), its SHA-256 and size. A
-- regeneration replaces the file and counts up generation; the files hold no timestamps, so the same data gives
-- the same checksum.
CREATE TABLE statistics_report (
    report_month  CHAR(7)        CHARACTER SET ascii NOT NULL,
    format        VARCHAR(8)     CHARACTER SET ascii NOT NULL,
    file_name     VARCHAR(100)   NOT NULL,
    size_bytes    BIGINT         NOT NULL,
    sha256        CHAR(64)       CHARACTER SET ascii NOT NULL,
    generation    INT            NOT NULL,
    generated_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (report_month, format)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
