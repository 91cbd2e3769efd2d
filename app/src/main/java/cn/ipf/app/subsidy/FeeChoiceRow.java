package cn.ipf.app.subsidy;

import java.time.LocalDate;

/**
 * Something a fee-claim form offers by id (选项): a programme (its name, the end of its period) or an appraisal
 * (its report no., the appraiser, the appraisal date).
 */
record FeeChoiceRow(long id, String label, String detail, LocalDate onDate) {
}
