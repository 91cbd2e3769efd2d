package cn.ipf.app.library;

import cn.ipf.app.access.Caller;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.user.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 企业概况 an SME's home panel: its enterprise as the library has it, with the derived size class, and when it was
 * returned or refused, the reviewer's comment.
 */
@Component
class LibraryHomePanel implements HomePanel {

    private final EnterpriseService enterprises;
    private final AdmissionService admission;

    LibraryHomePanel(EnterpriseService enterprises, AdmissionService admission) {
        this.enterprises = enterprises;
        this.admission = admission;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Panel> panel(Caller caller) {
        if (!caller.is(Role.SME)) {
            return Optional.empty();
        }
        // every key the fragment reads is present (a missing map key fails the expression), null when there is none
        Map<String, Object> model = new HashMap<>();
        EnterpriseView enterprise = caller.enterpriseId() == null ? null : enterprises.find(caller.enterpriseId());
        model.put("enterprise", enterprise);
        model.put("reviewComment", enterprise == null ? null : reviewComment(enterprise).orElse(null));
        return Optional.of(new Panel("library/panels", "profile", model));
    }

    /** The comment of the step that returned or refused the entry, when that is where it stands. */
    private Optional<String> reviewComment(EnterpriseView enterprise) {
        String status = enterprise.record().status();
        if (!Set.of(AdmissionStatus.RETURNED.name(), AdmissionStatus.REJECTED.name()).contains(status)) {
            return Optional.empty();
        }
        List<AdmissionService.Decision> history = admission.history(enterprise.record().id());
        return history.isEmpty() ? Optional.empty()
                : Optional.ofNullable(history.get(history.size() - 1).row().comment()).filter(c -> !c.isBlank());
    }
}
