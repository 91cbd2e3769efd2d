package cn.ipf.app.loan;

import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a loan a bank reported by the bank's own id, for the features that link loans to what led to them (matching
 * events' intentions, collective credit drawdowns).
 */
@Component
public class LoanLookup {

    private final LoanLookupMapper mapper;

    LoanLookup(LoanLookupMapper mapper) {
        this.mapper = mapper;
    }

    /** The id of the bank's loan {@code ref} to the enterprise, or empty when there is none. */
    @Transactional(readOnly = true)
    public OptionalLong loanOf(long bankId, String ref, long enterpriseId) {
        Long id = mapper.loanOf(bankId, ref, enterpriseId);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }
}
