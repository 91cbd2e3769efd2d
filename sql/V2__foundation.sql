-- Foundation: regions, banks, people, bank apps, idempotency, audit chain.
-- Common subset of MariaDB 10.11/11.4 and MySQL 8.4: InnoDB, utf8mb4, DATETIME(6) in UTC, no CHECK reliance.

CREATE TABLE region (
    code          CHAR(6)      NOT NULL,
    name          VARCHAR(50)  NOT NULL,
    region_level  VARCHAR(10)  NOT NULL,
    parent_code   CHAR(6)      NULL,
    PRIMARY KEY (code),
    CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE bank (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    bank_code   CHAR(12)     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bank_code (bank_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    role           VARCHAR(32)  NOT NULL,
    enterprise_id  BIGINT       NULL,
    bank_id        BIGINT       NULL,
    district_code  CHAR(6)      NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_username (username),
    CONSTRAINT fk_user_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_user_district FOREIGN KEY (district_code) REFERENCES region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refresh tokens are stored as SHA-256 of the token; a family is every token descended from one sign-in.
CREATE TABLE refresh_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    token_hash  CHAR(64)    CHARACTER SET ascii NOT NULL,
    family_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    user_id     BIGINT      NOT NULL,
    issued_at   DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    rotated_at  DATETIME(6) NULL,
    revoked_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refresh_hash (token_hash),
    KEY idx_refresh_family (family_id),
    CONSTRAINT fk_refresh_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE bank_app (
    app_id                 VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    bank_id                BIGINT       NOT NULL,
    name                   VARCHAR(100) NOT NULL,
    enabled                BOOLEAN      NOT NULL,
    rate_limit_per_minute  INT          NULL,
    created_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (app_id),
    CONSTRAINT fk_app_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Secrets are AES-GCM ciphertexts under the deployment's master key; at most two active per app (enforced in code
-- under a row lock on bank_app).
CREATE TABLE bank_app_secret (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    app_id             VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    secret_ciphertext  VARCHAR(255) CHARACTER SET ascii NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    revoked_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY idx_secret_app (app_id),
    CONSTRAINT fk_secret_app FOREIGN KEY (app_id) REFERENCES bank_app (app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_endpoint (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    bank_id            BIGINT       NOT NULL,
    url                VARCHAR(500) NOT NULL,
    description        VARCHAR(200) NULL,
    secret_ciphertext  VARCHAR(255) CHARACTER SET ascii NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_webhook_bank (bank_id),
    CONSTRAINT fk_webhook_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per (caller, Idempotency-Key). IN_PROGRESS rows are claimed before the request runs; the effect and the
-- COMPLETED response are committed in one transaction. Purged by the idempotency-purge job after expires_at.
-- Responses marked Cache-Control: no-store (they carry one-time secrets) are kept AES-GCM encrypted.
-- No index on expires_at on purpose: expired rows are the oldest ids, so the purge walks the primary key, and its
-- deletes lock only the rows they delete (a range on an expires_at index would lock live claims too).
CREATE TABLE idempotency_record (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    caller_scope           VARCHAR(100) CHARACTER SET ascii NOT NULL,
    idem_key               VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash           CHAR(64)     CHARACTER SET ascii NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    response_status        INT          NULL,
    response_content_type  VARCHAR(100) NULL,
    response_location      VARCHAR(500) NULL,
    response_body          MEDIUMBLOB   NULL,
    response_encrypted     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at             DATETIME(6)  NOT NULL,
    locked_until           DATETIME(6)  NOT NULL,
    expires_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_idem_scope_key (caller_scope, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only, hash-chained audit trail. id is assigned under the lock on audit_chain_head, so ids are gapless and
-- follow the chain. Grant the application INSERT and SELECT only on this table in production.
CREATE TABLE audit_event (
    id           BIGINT       NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    actor_kind   VARCHAR(16)  NOT NULL,
    actor_id     VARCHAR(64)  NOT NULL,
    actor_role   VARCHAR(32)  NULL,
    action       VARCHAR(64)  NOT NULL,
    entity_type  VARCHAR(64)  NOT NULL,
    entity_id    VARCHAR(64)  NOT NULL,
    request_id   VARCHAR(64)  NULL,
    summary      TEXT         NOT NULL,
    prev_hash    CHAR(64)     CHARACTER SET ascii NOT NULL,
    hash         CHAR(64)     CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (id),
    KEY idx_audit_entity (entity_type, entity_id),
    KEY idx_audit_actor (actor_id, occurred_at),
    KEY idx_audit_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_chain_head (
    id             TINYINT     NOT NULL,
    last_event_id  BIGINT      NOT NULL,
    last_hash      CHAR(64)    CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_event_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
