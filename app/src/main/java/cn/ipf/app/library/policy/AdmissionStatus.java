package cn.ipf.app.library.policy;

import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.List;

/** 入库状态 admission state of an enterprise in the project library. */
public enum AdmissionStatus implements MachineState {
    DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, ADMITTED, REJECTED, SUSPENDED, REMOVED;

    @Override
    public String machine() {
        return "ADMISSION";
    }

    @Override
    public List<String> allowedActions() {
        return AdmissionWorkflow.allowedIn(this).stream().map(AdmissionAction::name).toList();
    }

    /** A submission is the enterprise's (or its district reviewer's on its behalf); the reviews are the reviewers'. */
    @Override
    public NextActor nextActor() {
        return switch (this) {
            case DRAFT, RETURNED, REJECTED, SUSPENDED, REMOVED -> NextActor.ENTERPRISE;
            case SUBMITTED -> NextActor.DISTRICT_REVIEWER;
            case DISTRICT_APPROVED -> NextActor.CITY_REVIEWER;
            case ADMITTED -> NextActor.NOBODY;
        };
    }
}
