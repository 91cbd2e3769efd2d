package cn.ipf.app.access.policy;

import static cn.ipf.app.user.Role.ADMIN;
import static cn.ipf.app.user.Role.BANK_OFFICER;
import static cn.ipf.app.user.Role.CITY_REVIEWER;
import static cn.ipf.app.user.Role.DISTRICT_REVIEWER;
import static cn.ipf.app.user.Role.REGULATOR;
import static cn.ipf.app.user.Role.SME;

import cn.ipf.app.user.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what beyond the URL rules: every fine-grained role check of the services, in one table. Which records a
 * permitted caller then sees is {@link Visibility}'s question.
 */
public enum Permission {
    /** Act as the enterprise itself: apply for a loan, answer the bank, declare a claim, correct its account. */
    ACT_FOR_ENTERPRISE(SME),
    /** Register an enterprise in the project library. */
    REGISTER_ENTERPRISE(SME, DISTRICT_REVIEWER, CITY_REVIEWER),
    /** Maintain an enterprise's profile, assets and demand. */
    MAINTAIN_ENTERPRISE(SME, DISTRICT_REVIEWER, CITY_REVIEWER),
    /** Screen and decide an enterprise's admission (district, then city). */
    REVIEW_ENTERPRISE(DISTRICT_REVIEWER, CITY_REVIEWER),
    SEARCH_LIBRARY(SME, DISTRICT_REVIEWER, CITY_REVIEWER, REGULATOR, ADMIN),
    AGGREGATE_DEMAND(DISTRICT_REVIEWER, CITY_REVIEWER, REGULATOR, ADMIN),
    /** 推荐 recommend an admitted enterprise to the banks. */
    RECOMMEND_ENTERPRISE(CITY_REVIEWER),
    READ_RECOMMENDATIONS(CITY_REVIEWER, REGULATOR, ADMIN),
    /** 质物监测 read every alert on pledged assets and the at-risk pledged value (the compensation fund's view). */
    READ_PLEDGE_ALERTS(CITY_REVIEWER, REGULATOR, ADMIN),
    READ_SUBSIDY_RUNS(ADMIN, REGULATOR, CITY_REVIEWER),
    /** See subsidy claims at all (which ones: {@link Visibility}); bank officers do not. */
    READ_SUBSIDY_CLAIMS(SME, DISTRICT_REVIEWER, CITY_REVIEWER, REGULATOR, ADMIN),
    APPROVE_SUBSIDY_CLAIM_FOR_DISTRICT(DISTRICT_REVIEWER, CITY_REVIEWER),
    APPROVE_SUBSIDY_CLAIM_FOR_CITY(CITY_REVIEWER),
    REJECT_SUBSIDY_CLAIM(DISTRICT_REVIEWER, CITY_REVIEWER),
    RECORD_SUBSIDY_PAYMENT(CITY_REVIEWER, ADMIN),
    EXPORT_PAYMENT_ORDERS(CITY_REVIEWER, REGULATOR, ADMIN),
    READ_COMPENSATION_CLAIMS(DISTRICT_REVIEWER, CITY_REVIEWER, REGULATOR, ADMIN),
    APPROVE_COMPENSATION_CLAIM_FOR_DISTRICT(DISTRICT_REVIEWER, CITY_REVIEWER),
    APPROVE_COMPENSATION_CLAIM_FOR_CITY(CITY_REVIEWER),
    REJECT_COMPENSATION_CLAIM(DISTRICT_REVIEWER, CITY_REVIEWER),
    READ_COMPENSATION_LEDGER(CITY_REVIEWER, REGULATOR, ADMIN),
    /** 限时响应 applications escalated for a bank's missed decision deadline (district reviewers: their district). */
    READ_RESPONSE_ESCALATIONS(DISTRICT_REVIEWER, CITY_REVIEWER, REGULATOR, ADMIN),
    /** Every bank's monthly scorecard (a bank reads its own over the bank API). */
    READ_BANK_SCORECARDS(CITY_REVIEWER, REGULATOR, ADMIN),
    /** 银企对接活动 plan matching events, select their enterprises, invite banks (a district reviewer in its district). */
    ORGANISE_MATCHING_EVENTS(DISTRICT_REVIEWER, CITY_REVIEWER, ADMIN),
    READ_MATCHING_EVENTS(SME, DISTRICT_REVIEWER, CITY_REVIEWER, REGULATOR, ADMIN),
    // auth
    /** 企业注册审核 confirm or refuse an SME's self sign-up (its district's, or one whose district is unknown). */
    REVIEW_SIGN_UPS(DISTRICT_REVIEWER),
    // apps
    /** Work for one's own bank in the console: its candidates, applications, loan book and scorecard. */
    ACT_FOR_BANK(BANK_OFFICER),
    // admin
    /** 系统管理 the administrator's console pages (the API's /admin/ paths are an ADMIN URL rule). */
    ADMINISTER_PLATFORM(ADMIN),
    // regulator
    /** 监管驾驶舱 the regulators' console pages: statistics, drill-downs with the audit proof, supervision, simulations. */
    READ_REGULATOR_CONSOLE(REGULATOR, ADMIN),
    /** 集合授信 see every bank's collective credit lines and their usage. */
    READ_CREDIT_LINES(REGULATOR, ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... more) {
        this.roles = EnumSet.of(first, more);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
