-- Webhook outbox (事件发件箱). An event is written in the transaction of the change it reports and fanned out there
-- to one delivery per enabled endpoint of the bank, so it is sent if and only if that change commits. The dispatcher
-- sends due deliveries outside any transaction and logs every HTTP try.

-- A deleted endpoint is kept (its deliveries and their log stay readable) but gets nothing more.
ALTER TABLE webhook_endpoint ADD COLUMN deleted_at DATETIME(6) NULL;

-- message_id is the Standard Webhooks webhook-id: msg_ + a ULID, the same on every retry and redelivery. payload is the
-- exact request body (type, timestamp, data); LONGTEXT rather than JSON, whose type MariaDB and MySQL treat apart.
CREATE TABLE webhook_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    message_id  VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    bank_id     BIGINT       NOT NULL,
    event_type  VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    payload     LONGTEXT     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_event_message (message_id),
    KEY idx_webhook_event_bank (bank_id, id),
    CONSTRAINT fk_webhook_event_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One event to one endpoint. status: PENDING (next_attempt_at = when it is due, or while a dispatcher holds it, the
-- end of that dispatcher's lease), SUCCEEDED (a 2xx answer), FAILED (round_attempts reached the maximum, or the endpoint
-- was deleted). attempts counts every HTTP try; round_attempts those since it was queued or last redelivered, and
-- drives the backoff. lease_token names the dispatcher's claim, so a result from a claim that expired is not applied.
CREATE TABLE webhook_delivery (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    event_id          BIGINT       NOT NULL,
    endpoint_id       BIGINT       NOT NULL,
    bank_id           BIGINT       NOT NULL,
    status            VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    attempts          INT          NOT NULL,
    round_attempts    INT          NOT NULL,
    next_attempt_at   DATETIME(6)  NULL,
    lease_token       CHAR(32)     CHARACTER SET ascii NULL,
    last_attempt_at   DATETIME(6)  NULL,
    last_status_code  INT          NULL,
    last_error        VARCHAR(500) NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_delivery (event_id, endpoint_id),
    -- the dispatcher's "due" query: status = PENDING AND next_attempt_at <= now ORDER BY next_attempt_at
    KEY idx_webhook_delivery_due (status, next_attempt_at),
    -- the bank's delivery log, newest first, with or without a status filter
    KEY idx_webhook_delivery_bank (bank_id, id),
    KEY idx_webhook_delivery_bank_status (bank_id, status, id),
    KEY idx_webhook_delivery_endpoint (endpoint_id, status),
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id),
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id),
    CONSTRAINT fk_webhook_delivery_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every HTTP try of a delivery: when, how long, and the answer's status code or why there was none (truncated).
CREATE TABLE webhook_attempt (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    delivery_id   BIGINT       NOT NULL,
    attempted_at  DATETIME(6)  NOT NULL,
    status_code   INT          NULL,
    error         VARCHAR(500) NULL,
    duration_ms   INT          NOT NULL,
    PRIMARY KEY (id),
    KEY idx_webhook_attempt_delivery (delivery_id, id),
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
