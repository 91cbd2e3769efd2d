-- A bank's loan list filters by bank and status and pages newest first: one index answers it without a sort.
CREATE INDEX idx_loan_bank_status ON loan (bank_id, status, id);
