package cn.ipf.app.library;

import java.util.List;

/**
 * Search filters of the library, already narrowed to what the caller may see ({@code visibleDistrict} for district
 * reviewers, {@code visibleEnterprise} for SMEs). {@code sizeClassIds}: the sizes are derived in Java, so a size
 * filter is applied as an id list computed from the candidates.
 */
record EnterpriseQuery(String visibleDistrict, Long visibleEnterprise, String districtCode, String industryPrefix,
        String status, Integer minScore, Integer maxScore, Boolean hasOpenDemand, List<Long> ids, String sort) {
}
