package cn.ipf.app.bootstrap;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.region.Regions;
import cn.ipf.app.region.policy.RegionEntry;
import cn.ipf.app.user.Role;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 初始化 the first day of a deployment: the first administrator and the deployment's regions, in one audited
 * transaction, refused once an administrator exists (so it can never be used to take over a running instance).
 */
@Service
public class Bootstrap {

    private final UserService users;
    private final Regions regions;
    private final AuditTrail audit;

    Bootstrap(UserService users, Regions regions, AuditTrail audit) {
        this.users = users;
        this.regions = regions;
        this.audit = audit;
    }

    /** The region list to import and where it came from (path and SHA-256 of the file, for the audit trail). */
    public record RegionSource(List<RegionEntry> entries, String location, String sha256) {
    }

    /** What the bootstrap created. */
    public record Outcome(UserAccount admin, int regionsAdded) {
    }

    /** Refused: the deployment already has an administrator. */
    public static final class AlreadyBootstrapped extends RuntimeException {

        AlreadyBootstrapped() {
            super("an administrator already exists; the bootstrap runs once, on an empty deployment");
        }
    }

    @Transactional
    public Outcome run(String adminUsername, String displayName, String password, RegionSource source) {
        if (users.anyAdministrator()) {
            throw new AlreadyBootstrapped();
        }
        int added = regions.importList(source.entries(), source.location(), source.sha256());
        UserAccount admin = users.create(new UserService.NewAccount(adminUsername, password, displayName, Role.ADMIN,
                null, null, null));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("admin", admin.username());
        summary.put("regionSource", source.location());
        summary.put("regionSha256", source.sha256());
        summary.put("regionsAdded", added);
        audit.record("DEPLOYMENT_BOOTSTRAPPED", "DEPLOYMENT", admin.id(), summary);
        return new Outcome(admin, added);
    }
}
