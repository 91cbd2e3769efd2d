-- 贷款产品 banks' IP-pledge loan products. Every change makes a new version row; a product's versions share its
-- product_code, so applications can point at the exact version they were made on. Only the latest version of a code
-- is ACTIVE (or WITHDRAWN); earlier ones are SUPERSEDED.

ALTER TABLE loan_product
    ADD COLUMN product_code          VARCHAR(32)  NULL,
    ADD COLUMN min_credit_rating     VARCHAR(8)   NULL,
    ADD COLUMN min_valid_inventions  INT          NOT NULL DEFAULT 0;

-- the new key is added first: it also serves the bank_id foreign key that the old key was serving
ALTER TABLE loan_product ADD UNIQUE KEY uk_loan_product_code_version (bank_id, product_code, version);
ALTER TABLE loan_product DROP INDEX uk_loan_product_version;

-- Accepted collateral kinds: INVENTION, UTILITY_MODEL, DESIGN, TRADEMARK, GEOGRAPHICAL_INDICATION, MIXED.
CREATE TABLE loan_product_collateral (
    product_id  BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    PRIMARY KEY (product_id, kind),
    CONSTRAINT fk_product_collateral_product FOREIGN KEY (product_id) REFERENCES loan_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Target districts; none means the whole city.
CREATE TABLE loan_product_district (
    product_id     BIGINT   NOT NULL,
    district_code  CHAR(6)  NOT NULL,
    PRIMARY KEY (product_id, district_code),
    CONSTRAINT fk_product_district_product FOREIGN KEY (product_id) REFERENCES loan_product (id),
    CONSTRAINT fk_product_district_region FOREIGN KEY (district_code) REFERENCES region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Target industries as GB/T 4754 code prefixes (e.g. C, C37, I65); none means every industry.
CREATE TABLE loan_product_industry (
    product_id  BIGINT      NOT NULL,
    prefix      VARCHAR(5)  NOT NULL,
    PRIMARY KEY (product_id, prefix),
    CONSTRAINT fk_product_industry_product FOREIGN KEY (product_id) REFERENCES loan_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
