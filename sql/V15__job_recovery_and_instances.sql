-- Several instances on one database: job ownership for crash recovery, one run of each schedule, shared report files.

-- 实例心跳 each running instance of the service: its name (ipf.instance.name, stable across restarts), the
-- incarnation of its current start and a heartbeat in database time, so that every instance judges staleness by
-- one clock.
CREATE TABLE service_instance (
    instance_name  VARCHAR(100)  NOT NULL,
    incarnation    CHAR(36)      CHARACTER SET ascii NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    heartbeat_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (instance_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which instance (and incarnation) runs a job execution. An execution still marked running whose incarnation is no
-- longer its instance's current one, or whose instance's heartbeat expired, is run by nobody: recovery marks it
-- FAILED ("instance stopped") so that it can be restarted.
CREATE TABLE batch_execution_owner (
    job_execution_id  BIGINT        NOT NULL,
    instance_name     VARCHAR(100)  NOT NULL,
    incarnation       CHAR(36)      CHARACTER SET ascii NOT NULL,
    claimed_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (job_execution_id),
    KEY ix_batch_execution_owner_instance (instance_name, incarnation),
    CONSTRAINT fk_batch_execution_owner_execution FOREIGN KEY (job_execution_id)
        REFERENCES BATCH_JOB_EXECUTION (JOB_EXECUTION_ID) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ShedLock's table (net.javacrumbs.shedlock, JDBC provider): a schedule runs on the one instance holding its lock.
CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL,
    lock_until  DATETIME(3)   NOT NULL,
    locked_at   DATETIME(3)   NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The monthly report files' bytes, next to their metadata in statistics_report, so that every instance serves the
-- files whichever instance generated them (behind a small port: an object store can take this table's place).
CREATE TABLE statistics_report_content (
    report_month  CHAR(7)     CHARACTER SET ascii NOT NULL,
    format        VARCHAR(8)  CHARACTER SET ascii NOT NULL,
    content       LONGBLOB    NOT NULL,
    PRIMARY KEY (report_month, format),
    CONSTRAINT fk_statistics_report_content FOREIGN KEY (report_month, format)
        REFERENCES statistics_report (report_month, format) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
