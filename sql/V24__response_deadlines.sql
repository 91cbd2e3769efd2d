-- 限时响应 response deadlines (issue 16). A bank takes its first decision on a loan application within a number of
-- working days; working days follow the State Council's yearly holiday notice: statutory holidays off, make-up
-- working days (调休) on. One row per year that has a table (its source), one per day that differs from Monday to
-- Friday. Years without a row are not computed at all. Seeded from the notices for 2024-2026 (docs/policies.md).
CREATE TABLE working_calendar_year (
    year        INT           NOT NULL,
    source      VARCHAR(500)  NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE working_calendar_day (
    day   DATE         NOT NULL,
    year  INT          NOT NULL,
    kind  VARCHAR(8)   NOT NULL,
    name  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (day),
    KEY idx_calendar_day_year (year, day),
    CONSTRAINT fk_calendar_day_year FOREIGN KEY (year) REFERENCES working_calendar_year (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO working_calendar_year (year, source, updated_at) VALUES (2024, '国务院办公厅关于2024年部分节假日安排的通知（2023-10-25）', '2026-12-07 00:00:00');
INSERT INTO working_calendar_day (day, year, kind, name) VALUES
    ('2024-01-01', 2024, 'HOLIDAY', '元旦'),
    ('2024-02-04', 2024, 'WORKDAY', '春节'),
    ('2024-02-10', 2024, 'HOLIDAY', '春节'),
    ('2024-02-11', 2024, 'HOLIDAY', '春节'),
    ('2024-02-12', 2024, 'HOLIDAY', '春节'),
    ('2024-02-13', 2024, 'HOLIDAY', '春节'),
    ('2024-02-14', 2024, 'HOLIDAY', '春节'),
    ('2024-02-15', 2024, 'HOLIDAY', '春节'),
    ('2024-02-16', 2024, 'HOLIDAY', '春节'),
    ('2024-02-17', 2024, 'HOLIDAY', '春节'),
    ('2024-02-18', 2024, 'WORKDAY', '春节'),
    ('2024-04-04', 2024, 'HOLIDAY', '清明节'),
    ('2024-04-05', 2024, 'HOLIDAY', '清明节'),
    ('2024-04-06', 2024, 'HOLIDAY', '清明节'),
    ('2024-04-07', 2024, 'WORKDAY', '清明节'),
    ('2024-04-28', 2024, 'WORKDAY', '劳动节'),
    ('2024-05-01', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-02', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-03', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-04', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-05', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-11', 2024, 'WORKDAY', '劳动节'),
    ('2024-06-10', 2024, 'HOLIDAY', '端午节'),
    ('2024-09-14', 2024, 'WORKDAY', '中秋节'),
    ('2024-09-15', 2024, 'HOLIDAY', '中秋节'),
    ('2024-09-16', 2024, 'HOLIDAY', '中秋节'),
    ('2024-09-17', 2024, 'HOLIDAY', '中秋节'),
    ('2024-09-29', 2024, 'WORKDAY', '国庆节'),
    ('2024-10-01', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-02', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-03', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-04', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-05', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-06', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-07', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-12', 2024, 'WORKDAY', '国庆节');
INSERT INTO working_calendar_year (year, source, updated_at) VALUES (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）', '2026-12-07 00:00:00');
INSERT INTO working_calendar_day (day, year, kind, name) VALUES
    ('2025-01-01', 2025, 'HOLIDAY', '元旦'),
    ('2025-01-26', 2025, 'WORKDAY', '春节'),
    ('2025-01-28', 2025, 'HOLIDAY', '春节'),
    ('2025-01-29', 2025, 'HOLIDAY', '春节'),
    ('2025-01-30', 2025, 'HOLIDAY', '春节'),
    ('2025-01-31', 2025, 'HOLIDAY', '春节'),
    ('2025-02-01', 2025, 'HOLIDAY', '春节'),
    ('2025-02-02', 2025, 'HOLIDAY', '春节'),
    ('2025-02-03', 2025, 'HOLIDAY', '春节'),
    ('2025-02-04', 2025, 'HOLIDAY', '春节'),
    ('2025-02-08', 2025, 'WORKDAY', '春节'),
    ('2025-04-04', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-05', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-06', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-27', 2025, 'WORKDAY', '劳动节'),
    ('2025-05-01', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-02', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-03', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-04', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-05', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-31', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-01', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-02', 2025, 'HOLIDAY', '端午节'),
    ('2025-09-28', 2025, 'WORKDAY', '国庆节、中秋节'),
    ('2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-11', 2025, 'WORKDAY', '国庆节、中秋节');
INSERT INTO working_calendar_year (year, source, updated_at) VALUES (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', '2026-12-07 00:00:00');
INSERT INTO working_calendar_day (day, year, kind, name) VALUES
    ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-04', 2026, 'WORKDAY', '元旦'),
    ('2026-02-14', 2026, 'WORKDAY', '春节'),
    ('2026-02-15', 2026, 'HOLIDAY', '春节'),
    ('2026-02-16', 2026, 'HOLIDAY', '春节'),
    ('2026-02-17', 2026, 'HOLIDAY', '春节'),
    ('2026-02-18', 2026, 'HOLIDAY', '春节'),
    ('2026-02-19', 2026, 'HOLIDAY', '春节'),
    ('2026-02-20', 2026, 'HOLIDAY', '春节'),
    ('2026-02-21', 2026, 'HOLIDAY', '春节'),
    ('2026-02-22', 2026, 'HOLIDAY', '春节'),
    ('2026-02-23', 2026, 'HOLIDAY', '春节'),
    ('2026-02-28', 2026, 'WORKDAY', '春节'),
    ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
    ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-09', 2026, 'WORKDAY', '劳动节'),
    ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
    ('2026-09-20', 2026, 'WORKDAY', '国庆节'),
    ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-10', 2026, 'WORKDAY', '国庆节');

-- The deadline is fixed when the application is submitted (NULL while its year has no table; the deadline check
-- fills it once the table exists); decided_at is the bank's first decision (approval or rejection); escalated_at
-- the day the deadline check found it overdue.
ALTER TABLE loan_application
    ADD COLUMN respond_by    DATE         NULL,
    ADD COLUMN decided_at    DATETIME(6)  NULL,
    ADD COLUMN escalated_at  DATETIME(6)  NULL,
    ADD KEY idx_application_pending_decision (decided_at, respond_by),
    ADD KEY idx_application_escalated (escalated_at);

UPDATE loan_application a
SET decided_at = (SELECT MIN(e.at) FROM loan_application_event e
                  WHERE e.application_id = a.id AND e.status IN ('APPROVED', 'REJECTED'));
