package cn.ipf.app.region.policy;

/** 行政区划级别 the three GB/T 2260 levels a deployment knows: province, prefecture-level city, county-level district. */
public enum RegionLevel {
    PROVINCE, CITY, DISTRICT;

    /** The level a child of this level has, or null for a district. */
    public RegionLevel child() {
        return switch (this) {
            case PROVINCE -> CITY;
            case CITY -> DISTRICT;
            case DISTRICT -> null;
        };
    }

    /**
     * How many leading digits a child's code shares with its parent's code of this level (GB/T 2260: two digits for
     * the province, two more for the city, two more for the district).
     */
    int sharedDigits() {
        return this == PROVINCE ? 2 : 4;
    }
}
