package cn.ipf.app.disposal;

import cn.ipf.api.model.AssetRef;
import cn.ipf.api.model.DisposalCase;
import cn.ipf.api.model.DisposalCaseStatus;
import cn.ipf.api.model.DisposalMethod;
import cn.ipf.api.model.DisposalStep;
import cn.ipf.api.model.DisposalStepKind;
import cn.ipf.api.model.PledgeableAssetKind;

/** The contract's view of a disposal case. */
public final class DisposalViews {

    private DisposalViews() {
    }

    public static DisposalCase disposalCase(DisposalCases.Case d) {
        DisposalCaseRow c = d.row();
        return new DisposalCase()
                .caseId(c.id())
                .externalId(c.externalId())
                .loanRef(c.loanRef())
                .asset(new AssetRef().kind(PledgeableAssetKind.fromValue(c.assetKind())).id(c.assetId()))
                .method(DisposalMethod.fromValue(c.method()))
                .openedOn(c.openedOn())
                .closedOn(c.closedOn())
                .status(c.closedOn() == null ? DisposalCaseStatus.OPEN : DisposalCaseStatus.CLOSED)
                .grossProceeds(d.grossProceeds())
                .disposalCosts(d.disposalCosts())
                .steps(d.steps().stream().map(s -> new DisposalStep()
                        .externalId(s.externalId())
                        .kind(DisposalStepKind.fromValue(s.kind()))
                        .takenOn(s.takenOn())
                        .note(s.note())
                        .grossAmount(s.grossAmount())
                        .disposalCosts(s.disposalCosts())).toList());
    }
}
