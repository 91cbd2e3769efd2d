package cn.ipf.app.library;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.policy.GateResult;
import cn.ipf.app.library.policy.ScreeningResult;
import cn.ipf.app.security.Actor;
import cn.ipf.batch.library.LibraryRereview;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度复核 the library's side of the annual re-review job: re-screens one admitted enterprise; suspends it only when
 * it is dishonesty-listed, otherwise flags it for reviewers when it fails a gate or falls below the threshold.
 */
@Component
class AnnualRereview implements LibraryRereview {

    private final EnterpriseMapper enterprises;
    private final EnterpriseService enterpriseService;
    private final ScreeningService screening;
    private final AdmissionService admission;
    private final AuditTrail audit;
    private final Clock clock;

    AnnualRereview(EnterpriseMapper enterprises, EnterpriseService enterpriseService, ScreeningService screening,
            AdmissionService admission, AuditTrail audit, Clock clock) {
        this.enterprises = enterprises;
        this.enterpriseService = enterpriseService;
        this.screening = screening;
        this.admission = admission;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Long> admitted(Long afterId, int limit) {
        return enterprises.admittedAfter(afterId, limit);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome rereview(long enterpriseId, LocalDate reviewDate) {
        EnterpriseRecord e = enterprises.find(enterpriseId);
        if (e == null || !"ADMITTED".equals(enterprises.lockEntry(enterpriseId).status())) {
            return Outcome.NOT_ADMITTED;
        }
        if (e.dishonestyListed()) {
            admission.suspendForDishonesty(enterpriseId);
            return Outcome.SUSPENDED;
        }
        ScreeningService.Evaluated evaluated = screening.evaluate(enterpriseService.view(e), reviewDate);
        ScreeningResult result = evaluated.result();
        if (result.gatesPassed() && result.meetsThreshold()) {
            return Outcome.STILL_QUALIFIES;
        }
        List<String> reasons = new ArrayList<>();
        for (GateResult gate : result.failedGates()) {
            reasons.add(gate.gate() + ": " + gate.reason());
        }
        if (!result.meetsThreshold()) {
            reasons.add("score " + result.score() + " < threshold " + result.threshold());
        }
        String flag = "re-review " + reviewDate + " (rule set v" + evaluated.ruleSetVersion() + "): "
                + String.join("; ", reasons);
        enterprises.flagForReview(enterpriseId, flag.length() > 500 ? flag.substring(0, 500) : flag,
                clock.instant());
        audit.recordAs(Actor.SYSTEM, "LIBRARY_REREVIEW_FLAGGED", "ENTERPRISE", enterpriseId,
                Map.of("reviewDate", reviewDate.toString(), "score", result.score(), "ruleSetVersion",
                        evaluated.ruleSetVersion(), "reasons", reasons));
        return Outcome.FLAGGED;
    }
}
