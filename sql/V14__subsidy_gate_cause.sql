-- A loan refused by NOT_ADMITTED because its enterprise was on the serious-dishonesty list on the disbursement day
-- names that listing in its gate trace: the listing open on that day and recorded by then (its suspension's cause).
ALTER TABLE subsidy_run_loan ADD COLUMN not_admitted_listing_id BIGINT NULL;
