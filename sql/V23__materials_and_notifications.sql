-- 申报材料 and 消息中心 (issue 14).

-- A user's e-mail address for notifications (optional: without one, messages are in-app only).
ALTER TABLE app_user ADD COLUMN email VARCHAR(254) NULL;

-- One uploaded file of a subject: a subsidy or fee claim (SUBSIDY_CLAIM), an appraisal (APPRAISAL) or a compensation
-- claim (COMPENSATION_CLAIM). The bytes live in the document store under storage_key (table material_content by
-- default, an S3 bucket in production); the type is the one read from the content.
CREATE TABLE material (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    subject_kind   VARCHAR(24)   NOT NULL,
    subject_id     BIGINT        NOT NULL,
    purpose        VARCHAR(24)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    file_type      VARCHAR(8)    NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    storage_key    VARCHAR(100)  NOT NULL,
    uploaded_by    BIGINT        NOT NULL,
    uploaded_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_material_storage_key (storage_key),
    KEY idx_material_subject (subject_kind, subject_id, id),
    CONSTRAINT fk_material_uploader FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The database document store (the default, for the embedded demo and small offices).
CREATE TABLE material_content (
    storage_key  VARCHAR(100)  NOT NULL,
    content      LONGBLOB      NOT NULL,
    PRIMARY KEY (storage_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 消息 one message to one user about a status change: the event and its arguments (a JSON array of strings) are kept,
-- the text is rendered in the reader's language. mail_status is the e-mail outbox: NULL (no mail: no address or no
-- mail server), PENDING (due at mail_next_at; a sender leases it by moving mail_next_at under mail_lease), SENT or
-- FAILED (retries spent).
CREATE TABLE notification (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    user_id         BIGINT         NOT NULL,
    event           VARCHAR(48)    NOT NULL,
    subject_type    VARCHAR(24)    NOT NULL,
    subject_id      BIGINT         NOT NULL,
    args            VARCHAR(2000)  NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    read_at         DATETIME(6)    NULL,
    mail_status     VARCHAR(8)     NULL,
    mail_attempts   INT            NOT NULL DEFAULT 0,
    mail_next_at    DATETIME(6)    NULL,
    mail_lease      CHAR(32)       NULL,
    mail_error      VARCHAR(500)   NULL,
    mail_sent_at    DATETIME(6)    NULL,
    PRIMARY KEY (id),
    KEY idx_notification_user (user_id, id),
    KEY idx_notification_unread (user_id, read_at),
    KEY idx_notification_mail_due (mail_status, mail_next_at),
    CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
