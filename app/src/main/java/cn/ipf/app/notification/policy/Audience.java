package cn.ipf.app.notification.policy;

/**
 * 收件人 who receives a message: the SME users of an enterprise, the district reviewers of an enterprise's district,
 * the city reviewers, or the officers of a bank. Disabled users receive nothing.
 */
public record Audience(Kind kind, Long id) {

    public enum Kind { ENTERPRISE, DISTRICT_OF_ENTERPRISE, CITY_REVIEWERS, BANK }

    public static Audience enterprise(long enterpriseId) {
        return new Audience(Kind.ENTERPRISE, enterpriseId);
    }

    public static Audience districtReviewersOf(long enterpriseId) {
        return new Audience(Kind.DISTRICT_OF_ENTERPRISE, enterpriseId);
    }

    public static Audience cityReviewers() {
        return new Audience(Kind.CITY_REVIEWERS, null);
    }

    public static Audience bank(long bankId) {
        return new Audience(Kind.BANK, bankId);
    }
}
