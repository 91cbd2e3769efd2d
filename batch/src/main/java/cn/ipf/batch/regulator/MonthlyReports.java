package cn.ipf.batch.regulator;

import java.time.YearMonth;

/**
 * What the monthly-report job asks of the regulators' workspace, implemented by the app's regulator feature so that
 * the indicators stay with it.
 */
public interface MonthlyReports {

    /** Writes and stores the month's report files (XLSX and CSV), replacing an earlier generation. */
    void generate(YearMonth month);
}
