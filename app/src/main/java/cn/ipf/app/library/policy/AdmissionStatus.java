package cn.ipf.app.library.policy;

/** 入库状态 admission state of an enterprise in the project library. */
public enum AdmissionStatus { DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, ADMITTED, REJECTED, SUSPENDED, REMOVED }
