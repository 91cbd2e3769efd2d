package cn.ipf.app.loan;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的贷款 an enterprise's loans as the enterprise reads them after the contract: what its bank reported and the
 * subsidy lines on its payments. Who may read is the library's rule for the enterprise (its SME user, reviewers of its
 * district, city reviewers, regulators, admins); another enterprise's loan is 404.
 */
@Service
class EnterpriseLoans {

    private final LoanMapper loans;
    private final LoanBook book;
    private final AccessPolicy access;

    EnterpriseLoans(LoanMapper loans, LoanBook book, AccessPolicy access) {
        this.loans = loans;
        this.book = book;
        this.access = access;
    }

    /** A loan and its subsidy lines. */
    record View(LoanBook.Detail detail, List<LoanSubsidyLineRow> subsidyLines) {
    }

    @Transactional(readOnly = true)
    List<LoanRecord> of(long enterpriseId) {
        access.requireVisible(access.caller(), enterpriseId);
        return loans.ofEnterprise(enterpriseId);
    }

    @Transactional(readOnly = true)
    View one(long enterpriseId, long loanId) {
        access.requireVisible(access.caller(), enterpriseId);
        LoanRecord loan = loans.find(loanId);
        if (loan == null || loan.enterpriseId() != enterpriseId) {
            throw new ApiException(ErrorCode.LOAN_NOT_FOUND, loanId);
        }
        return new View(book.detail(loan), loans.subsidyLines(loanId));
    }
}
