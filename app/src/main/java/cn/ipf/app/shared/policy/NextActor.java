package cn.ipf.app.shared.policy;

/** 下一步由谁办理 who acts next on an object in a given state: the hint an illegal-transition 409 carries. */
public enum NextActor {
    ENTERPRISE, BANK, DISTRICT_REVIEWER, CITY_REVIEWER, TREASURY, PAYOUT_JOB, ADMIN, NOBODY
}
