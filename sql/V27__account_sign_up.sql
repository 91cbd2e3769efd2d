-- 企业自助注册 an SME manager's self sign-up, confirmed by a district reviewer before the account exists.
-- Nothing but this row is written until approval: the user (and its binding) is created then.
CREATE TABLE account_sign_up (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    -- the rendered form's idempotency key: a double submit finds the first sign-up instead of making a second
    form_key         VARCHAR(64)   CHARACTER SET ascii NOT NULL,
    uscc             CHAR(18)      NOT NULL,
    enterprise_name  VARCHAR(200)  NOT NULL,
    contact_name     VARCHAR(100)  NOT NULL,
    phone            VARCHAR(20)   NOT NULL,
    email            VARCHAR(254)  NOT NULL,
    username         VARCHAR(64)   NOT NULL,
    password_hash    VARCHAR(200)  NOT NULL,
    -- who reviews it: the known enterprise's district, else the one the applicant chose (null: any district)
    district_code    CHAR(6)       NULL,
    enterprise_id    BIGINT        NULL,
    status           VARCHAR(16)   NOT NULL,
    reason           VARCHAR(500)  NULL,
    decided_by       BIGINT        NULL,
    decided_at       DATETIME(6)   NULL,
    user_id          BIGINT        NULL,
    created_at       DATETIME(6)   NOT NULL,
    -- one pending sign-up per USCC and per username, even under concurrent submits: set while pending, cleared by
    -- the decision (written by the application: generated columns differ between MariaDB and MySQL)
    pending_uscc     CHAR(18)      NULL,
    pending_username VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sign_up_form_key (form_key),
    UNIQUE KEY uk_sign_up_pending_uscc (pending_uscc),
    UNIQUE KEY uk_sign_up_pending_username (pending_username),
    KEY ix_sign_up_status (status, district_code),
    KEY ix_sign_up_uscc (uscc, status),
    KEY ix_sign_up_username (username),
    CONSTRAINT fk_sign_up_district FOREIGN KEY (district_code) REFERENCES region (code),
    CONSTRAINT fk_sign_up_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_sign_up_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_sign_up_decided_by FOREIGN KEY (decided_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
