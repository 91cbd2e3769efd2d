package cn.ipf.app.region;

import cn.ipf.api.model.NewDistrict;
import cn.ipf.api.model.RegionChange;
import cn.ipf.api.model.RegionLevel;
import cn.ipf.api.server.AdminRegionsApi;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminRegionController implements AdminRegionsApi {

    private final Regions regions;

    AdminRegionController(Regions regions) {
        this.regions = regions;
    }

    @Override
    public ResponseEntity<List<cn.ipf.api.model.Region>> listRegions() {
        return ResponseEntity.ok(regions.all().stream().map(AdminRegionController::toApi).toList());
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.Region> addDistrict(NewDistrict body, String idempotencyKey) {
        Region added = regions.addDistrict(body.getCode(), body.getName(), body.getParentCode());
        return ResponseEntity.created(URI.create("/api/v1/admin/regions/" + added.code())).body(toApi(added));
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.Region> renameRegion(String regionCode, RegionChange body) {
        return ResponseEntity.ok(toApi(regions.rename(regionCode, body.getName())));
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.Region> retireDistrict(String regionCode, String idempotencyKey) {
        return ResponseEntity.ok(toApi(regions.retire(regionCode)));
    }

    private static cn.ipf.api.model.Region toApi(Region r) {
        return new cn.ipf.api.model.Region()
                .code(r.code())
                .name(r.name())
                .level(RegionLevel.fromValue(r.regionLevel()))
                .parentCode(r.parentCode())
                .retired(r.retiredAt() != null)
                .retiredAt(r.retiredAt() == null ? null : r.retiredAt().atOffset(ZoneOffset.UTC));
    }
}
