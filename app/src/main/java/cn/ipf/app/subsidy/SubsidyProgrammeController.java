package cn.ipf.app.subsidy;

import cn.ipf.api.model.LprRate;
import cn.ipf.api.model.SubsidyProgramme;
import cn.ipf.api.model.SubsidyRun;
import cn.ipf.api.server.SubsidyProgrammesApi;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubsidyProgrammeController implements SubsidyProgrammesApi {

    private final LprRates lprRates;
    private final Programmes programmes;
    private final SubsidyRuns runs;

    SubsidyProgrammeController(LprRates lprRates, Programmes programmes, SubsidyRuns runs) {
        this.lprRates = lprRates;
        this.programmes = programmes;
        this.runs = runs;
    }

    @Override
    public ResponseEntity<List<LprRate>> listLprRates() {
        return ResponseEntity.ok(SubsidyViews.lprRates(lprRates.all()));
    }

    @Override
    public ResponseEntity<List<SubsidyProgramme>> listSubsidyProgrammes() {
        return ResponseEntity.ok(programmes.all().stream().map(SubsidyViews::programme).toList());
    }

    @Override
    public ResponseEntity<SubsidyProgramme> getSubsidyProgramme(Long programmeId) {
        return ResponseEntity.ok(SubsidyViews.programme(programmes.get(programmeId)));
    }

    @Override
    public ResponseEntity<List<SubsidyRun>> listSubsidyRuns(Long programmeId) {
        return ResponseEntity.ok(runs.runs(programmeId).stream()
                .map(r -> SubsidyViews.run(r, runs.rulesOf(r))).toList());
    }

    @Override
    public ResponseEntity<SubsidyRun> getSubsidyRun(Long runId) {
        RunMapper.RunRow run = runs.visibleRun(runId);
        return ResponseEntity.ok(SubsidyViews.run(run, runs.rulesOf(run)));
    }
}
