package cn.ipf.app.material;

/** What access to a subject's files depends on: its enterprise and district, and the bank that filed it, if any. */
public record MaterialSubjectRow(long enterpriseId, String districtCode, Long bankId) {
}
