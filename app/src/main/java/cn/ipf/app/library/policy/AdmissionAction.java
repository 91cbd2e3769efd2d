package cn.ipf.app.library.policy;

/** 入库操作 an action on an admission: submit, district (first-level) or city (second-level) approval, and so on. */
public enum AdmissionAction { SUBMIT, DISTRICT_APPROVE, CITY_APPROVE, RETURN, REJECT, SUSPEND, REMOVE }
