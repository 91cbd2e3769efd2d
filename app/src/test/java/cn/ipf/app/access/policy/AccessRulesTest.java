package cn.ipf.app.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.user.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The permission table and enterprise visibility, as pure rules. */
class AccessRulesTest {

    private static Set<Role> allowed(Permission permission) {
        return Arrays.stream(Role.values()).filter(permission::allows)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    @Test
    void approvalsFollowTheTwoLevelsAndTheCityDecidesAlone() {
        assertThat(allowed(Permission.APPROVE_SUBSIDY_CLAIM_FOR_DISTRICT))
                .containsExactlyInAnyOrder(Role.DISTRICT_REVIEWER, Role.CITY_REVIEWER);
        assertThat(allowed(Permission.APPROVE_SUBSIDY_CLAIM_FOR_CITY)).containsExactly(Role.CITY_REVIEWER);
        assertThat(allowed(Permission.APPROVE_COMPENSATION_CLAIM_FOR_CITY)).containsExactly(Role.CITY_REVIEWER);
        assertThat(allowed(Permission.RECORD_SUBSIDY_PAYMENT))
                .containsExactlyInAnyOrder(Role.CITY_REVIEWER, Role.ADMIN);
    }

    @Test
    void bankOfficersHoldNoPermissionOfThePeoplesApiButWorkForTheirBank() {
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.allows(Role.BANK_OFFICER)))
                .containsExactly(Permission.ACT_FOR_BANK);
        assertThat(allowed(Permission.ACT_FOR_BANK)).containsExactly(Role.BANK_OFFICER);
    }

    @Test
    void regulatorsReadButNeverDecide() {
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.allows(Role.REGULATOR)).map(Enum::name))
                .allMatch(name -> name.startsWith("READ_") || name.startsWith("EXPORT_")
                        || name.startsWith("SEARCH_") || name.startsWith("AGGREGATE_"));
    }

    @Test
    void anSmeSeesOnlyItsOwnEnterpriseAndADistrictReviewerOnlyItsDistrict() {
        assertThat(Visibility.sees(Role.SME, 7L, null, 7, "370202")).isTrue();
        assertThat(Visibility.sees(Role.SME, 7L, null, 8, "370202")).isFalse();
        assertThat(Visibility.sees(Role.SME, null, null, 7, "370202")).as("no enterprise yet").isFalse();
        assertThat(Visibility.sees(Role.DISTRICT_REVIEWER, null, "370202", 8, "370202")).isTrue();
        assertThat(Visibility.sees(Role.DISTRICT_REVIEWER, null, "370202", 8, "370203")).isFalse();
        for (Role cityWide : EnumSet.of(Role.CITY_REVIEWER, Role.REGULATOR, Role.ADMIN)) {
            assertThat(Visibility.sees(cityWide, null, null, 8, "370203")).isTrue();
        }
        assertThat(Visibility.sees(Role.BANK_OFFICER, null, null, 8, "370203")).isFalse();
    }

    @Test
    void anSmeSeesAPublishedEventItIsOnAndADistrictReviewerTheEventsOfItsDistrict() {
        List<String> districts = List.of("370202", "370211");
        List<Long> enterprises = List.of(7L);
        assertThat(Visibility.seesEvent(Role.SME, 7L, null, districts, enterprises, true)).isTrue();
        assertThat(Visibility.seesEvent(Role.SME, 7L, null, districts, enterprises, false)).as("planned").isFalse();
        assertThat(Visibility.seesEvent(Role.SME, 8L, null, districts, enterprises, true)).isFalse();
        assertThat(Visibility.seesEvent(Role.DISTRICT_REVIEWER, null, "370211", districts, enterprises, false))
                .isTrue();
        assertThat(Visibility.seesEvent(Role.DISTRICT_REVIEWER, null, "370203", districts, enterprises, true))
                .isFalse();
        assertThat(Visibility.seesEvent(Role.REGULATOR, null, null, districts, enterprises, false)).isTrue();
        assertThat(Visibility.seesEvent(Role.BANK_OFFICER, null, null, districts, enterprises, true)).isFalse();
    }
}
