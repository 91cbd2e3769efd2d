package cn.ipf.app.region;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.region.policy.RegionEntry;
import cn.ipf.app.region.policy.RegionLevel;
import cn.ipf.app.region.policy.RegionList;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** 行政区划管理 the deployment's regions: imported at bootstrap, then districts added, renamed or retired. */
@Service
public class Regions {

    private final RegionMapper regions;
    private final AuditTrail audit;
    private final Clock clock;

    Regions(RegionMapper regions, AuditTrail audit, Clock clock) {
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Region> all() {
        return regions.findAll();
    }

    /** Adds a district under one of the deployment's cities. */
    @Transactional
    public Region addDistrict(String code, String name, String cityCode) {
        Region city = regions.find(cityCode);
        if (city == null) {
            throw new ApiException(ErrorCode.REGION_INVALID, code, "its city " + cityCode + " is not a region here");
        }
        RegionEntry entry = new RegionEntry(code, name.strip(), RegionLevel.DISTRICT, cityCode);
        RegionList.check(entry, entry(city)).ifPresent(reason -> {
            throw new ApiException(ErrorCode.REGION_INVALID, code, reason);
        });
        if (regions.find(code) != null) {
            throw new ApiException(ErrorCode.REGION_CODE_TAKEN, code);
        }
        regions.insert(new Region(code, entry.name(), RegionLevel.DISTRICT.name(), cityCode, null));
        audit.record("REGION_ADDED", "REGION", code, Map.of("name", entry.name(), "parentCode", cityCode,
                "level", RegionLevel.DISTRICT.name()));
        return regions.find(code);
    }

    /** Renames a region; its code, and so every record that names it, stays. */
    @Transactional
    public Region rename(String code, String name) {
        Region region = regions.lock(code);
        if (region == null) {
            throw new ApiException(ErrorCode.REGION_NOT_FOUND, code);
        }
        String newName = name.strip();
        if (newName.isEmpty()) {
            throw new ApiException(ErrorCode.REGION_INVALID, code, "name must not be blank");
        }
        if (!newName.equals(region.name())) {
            regions.rename(code, newName);
            audit.record("REGION_RENAMED", "REGION", code, Map.of("from", region.name(), "to", newName));
        }
        return regions.find(code);
    }

    /** Retires a district: it stays valid for history but cannot be chosen for anything new. */
    @Transactional
    public Region retire(String code) {
        Region region = regions.lock(code);
        if (region == null) {
            throw new ApiException(ErrorCode.REGION_NOT_FOUND, code);
        }
        if (!RegionLevel.DISTRICT.name().equals(region.regionLevel()) || region.retiredAt() != null) {
            throw new ApiException(ErrorCode.REGION_NOT_RETIRABLE, code).with("currentState",
                    region.retiredAt() != null ? "RETIRED" : region.regionLevel());
        }
        regions.retire(code, clock.instant().truncatedTo(ChronoUnit.MICROS));
        audit.record("REGION_RETIRED", "REGION", code, Map.of("name", region.name()));
        return regions.find(code);
    }

    /**
     * Imports a checked region list in the caller's transaction: adds the regions not there yet and leaves those that
     * are (an office's later renames and retirements win over the shipped file). Answers how many were added.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int importList(List<RegionEntry> entries, String source, String sha256) {
        int added = 0;
        for (RegionEntry e : entries) {
            Region existing = regions.find(e.code());
            if (existing == null) {
                regions.insert(new Region(e.code(), e.name(), e.level().name(), e.parentCode(), null));
                added++;
            } else if (!existing.regionLevel().equals(e.level().name())) {
                throw new ApiException(ErrorCode.REGION_INVALID, e.code(),
                        "already present as " + existing.regionLevel());
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", source);
        summary.put("sha256", sha256);
        summary.put("listed", entries.size());
        summary.put("added", added);
        audit.record("REGIONS_IMPORTED", "REGION", entries.isEmpty() ? "-" : entries.get(0).code(), summary);
        return added;
    }

    private static RegionEntry entry(Region r) {
        return new RegionEntry(r.code(), r.name(), RegionLevel.valueOf(r.regionLevel()), r.parentCode());
    }
}
