-- 质物监测 legal-status events of patents and trademarks as gazetted (imported by an administrator), and the alerts
-- they raise on assets under an active pledge. asset_number is the canonical patent application number or the
-- trademark registration number; a repeated event (same asset, kind, date) is stored once.
CREATE TABLE legal_status_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    asset_kind    VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    asset_number  VARCHAR(40)   NOT NULL,
    event_kind    VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    event_date    DATE          NOT NULL,
    note          VARCHAR(500)  NULL,
    imported_at   DATETIME(6)   NOT NULL,
    imported_by   BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_legal_status_event (asset_kind, asset_number, event_kind, event_date),
    CONSTRAINT fk_legal_status_event_user FOREIGN KEY (imported_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One alert per (event, pledge registration): the pledgee bank is told by webhook, the fund and regulators read them,
-- the SME sees what to do until cure_by. secured_amount is the registration's, copied for the at-risk sum.
CREATE TABLE pledge_alert (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    event_id         BIGINT        NOT NULL,
    registration_id  BIGINT        NOT NULL,
    loan_id          BIGINT        NOT NULL,
    bank_id          BIGINT        NOT NULL,
    enterprise_id    BIGINT        NOT NULL,
    asset_id         BIGINT        NOT NULL,
    cure_by          DATE          NULL,
    secured_amount   DECIMAL(19,2) NOT NULL,
    raised_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_pledge_alert (event_id, registration_id, asset_id),
    KEY idx_pledge_alert_enterprise (enterprise_id, id),
    CONSTRAINT fk_pledge_alert_event FOREIGN KEY (event_id) REFERENCES legal_status_event (id),
    CONSTRAINT fk_pledge_alert_registration FOREIGN KEY (registration_id) REFERENCES pledge_registration (id),
    CONSTRAINT fk_pledge_alert_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
    CONSTRAINT fk_pledge_alert_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_pledge_alert_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Warnings ahead of a pledged asset's annual-fee due date, patent term end or trademark renewal, raised by the daily
-- scan (one per registration, asset, kind and due date, so a repeated scan raises nothing new).
CREATE TABLE pledge_warning (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    registration_id  BIGINT       NOT NULL,
    asset_kind       VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    asset_id         BIGINT       NOT NULL,
    asset_number     VARCHAR(40)  NOT NULL,
    warning_kind     VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    due_on           DATE         NOT NULL,
    grace_ends       DATE         NULL,
    bank_id          BIGINT       NOT NULL,
    enterprise_id    BIGINT       NOT NULL,
    raised_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_pledge_warning (registration_id, asset_kind, asset_id, warning_kind, due_on),
    KEY idx_pledge_warning_enterprise (enterprise_id, id),
    CONSTRAINT fk_pledge_warning_registration FOREIGN KEY (registration_id) REFERENCES pledge_registration (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
