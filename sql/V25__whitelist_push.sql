-- 推荐清单 the whitelist each partner bank holds: one row per (bank, enterprise) ever listed for it, with the latest
-- state. listed = 0 is a removal kept as a tombstone, so a bank pulling from an old cursor still learns to drop its copy.
-- entry is the JSON snapshot of the consented fields sent with the change (NULL for a removal).
CREATE TABLE whitelist_entry (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    bank_id        BIGINT       NOT NULL,
    enterprise_id  BIGINT       NOT NULL,
    listed         TINYINT(1)   NOT NULL,
    recommended    TINYINT(1)   NOT NULL,
    data_scopes    VARCHAR(200) CHARACTER SET ascii NOT NULL,
    change_kind    VARCHAR(20)  CHARACTER SET ascii NOT NULL,
    change_id      BIGINT       NOT NULL,
    entry          LONGTEXT     NULL,
    changed_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_whitelist_entry (bank_id, enterprise_id),
    UNIQUE KEY uk_whitelist_change (change_id),
    -- the pull feed: WHERE bank_id = ? AND change_id > ? ORDER BY change_id
    KEY idx_whitelist_feed (bank_id, change_id),
    CONSTRAINT fk_whitelist_bank FOREIGN KEY (bank_id) REFERENCES bank (id),
    CONSTRAINT fk_whitelist_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The last change id handed out. A writer locks this row (FOR UPDATE) just before commit and holds it to the commit,
-- so change ids become visible in increasing order and a cursor never skips a row that commits later.
CREATE TABLE whitelist_sequence (
    id              TINYINT NOT NULL,
    last_change_id  BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

INSERT INTO whitelist_sequence (id, last_change_id) VALUES (1, 0);
