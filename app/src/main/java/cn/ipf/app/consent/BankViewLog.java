package cn.ipf.app.consent;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import java.time.Clock;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查看记录 the log of every time a bank saw an enterprise's shared data: listed in a candidate page or viewed in
 * detail. Written with the answer that showed the data (one insert per page); the enterprise reads its own log.
 */
@Service
public class BankViewLog {

    /** How the bank saw the enterprise. */
    public enum Kind { LISTED, VIEWED }

    private final BankViewMapper views;
    private final AccessPolicy access;
    private final Clock clock;

    BankViewLog(BankViewMapper views, AccessPolicy access, Clock clock) {
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    /** Logs that the calling bank (app or officer) saw these enterprises (in the caller's transaction, if any). */
    public void record(long bankId, Long productId, Kind kind, List<Long> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return;
        }
        Actor actor = CurrentActor.get();
        String appId = actor.kind() == Actor.Kind.BANK_APP ? actor.id() : null;
        Long userId = actor.kind() == Actor.Kind.USER ? Long.valueOf(actor.id()) : null;
        // a list of numbers prints as a JSON array
        views.insert(enterpriseIds.toString(), bankId, appId, userId, productId, kind.name(),
                clock.instant(), MDC.get("requestId"));
    }

    /** A page of the enterprise's log, newest first, for whoever may see the enterprise. */
    @Transactional(readOnly = true)
    Page of(long enterpriseId, Pages.Request request) {
        access.requireVisible(access.caller(), enterpriseId);
        return new Page(views.page(enterpriseId, request.size(), request.offset()), views.count(enterpriseId));
    }

    record Page(List<BankViewMapper.ViewRow> rows, long total) {
    }
}
