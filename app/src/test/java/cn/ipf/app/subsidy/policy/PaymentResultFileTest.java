package cn.ipf.app.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.subsidy.policy.PaymentResultFile.Check;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Problem;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Result;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Sent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bank's result file against its batch: accepted only when every line matches and the totals reconcile. */
class PaymentResultFileTest {

    private static final LocalDate BATCH_DAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
    private static final List<Sent> SENT = List.of(new Sent(1, "SC10", new BigDecimal("3000.00")),
            new Sent(2, "SC11", new BigDecimal("1250.55")));
    private static final BigDecimal TOTAL = new BigDecimal("4250.55");

    @Test
    void aMatchingFileGivesEveryLineItsOutcomeAndTheTotalsReconcile() {
        Check check = check(List.of(
                List.of("1", "SC10", "3000.00", "PAID", "2026-03-04", "BK0001", ""),
                List.of("2", "SC11", "1250.55", "失败", "", "", "户名不符"),
                List.of("", "", "", "", "", "", "")));
        assertThat(check.problems()).isEmpty();
        assertThat(check.outcomes()).extracting(o -> o.result()).containsExactly(Result.PAID, Result.FAILED);
        assertThat(check.outcomes().get(0).valueDate()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(check.outcomes().get(0).bankReference()).isEqualTo("BK0001");
        assertThat(check.outcomes().get(1).failureReason()).isEqualTo("户名不符");
        assertThat(check.paid().add(check.failed())).isEqualByComparingTo(TOTAL);
        assertThat(check.failed()).isEqualByComparingTo("1250.55");
    }

    @Test
    void aBankReferenceTwiceOrReadInexactlyIsARowProblem() {
        Check duplicate = check(List.of(
                List.of("1", "SC10", "3000.00", "PAID", "2026-03-04", "BK0001", ""),
                List.of("2", "SC11", "1250.55", "PAID", "2026-03-04", "BK0001", "")));
        assertThat(duplicate.problems()).extracting(Problem::row, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "BANK_REFERENCE_DUPLICATE"));
        Check inexact = check(List.of(
                List.of("1", "SC10", "3000.00", "PAID", "2026-03-04", "2.026120712345678901E+18", ""),
                List.of("2", "SC11", "1250.55", "PAID", "2026-03-04", "802880200012345", "")));
        assertThat(inexact.problems()).extracting(Problem::row, Problem::column, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "银行流水号", "CELL_NOT_EXACT"));
    }

    @Test
    void onlyABankSideFailureMayBeReissuedAsSent() {
        assertThat(PaymentResultFile.retryAllowed("银行系统超时 TIMEOUT")).isTrue();
        assertThat(PaymentResultFile.retryAllowed("system_error")).isTrue();
        assertThat(PaymentResultFile.retryAllowed("系统繁忙，请稍后重试")).isTrue();
        assertThat(PaymentResultFile.retryAllowed("户名不符 account name mismatch")).isFalse();
        assertThat(PaymentResultFile.retryAllowed("账户已销户")).isFalse();
        assertThat(PaymentResultFile.retryAllowed("系统错误：账户冻结")).as("names the account").isFalse();
        assertThat(PaymentResultFile.retryAllowed("退回")).as("unknown").isFalse();
    }

    @Test
    void aSpreadsheetSerialDateIsAValueDate() {
        // 46085 = 2026-03-04 counted from 1899-12-30
        Check check = check(List.of(
                List.of("1", "SC10", "3000", "PAID", "46085", "BK0001", ""),
                List.of("2", "SC11", "1250.55", "PAID", "46085.0", "BK0002", "")));
        assertThat(check.problems()).isEmpty();
        assertThat(check.outcomes().get(1).valueDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void aWrongAmountIsRefusedWithItsRowAndTheTotal() {
        Check check = check(List.of(
                List.of("1", "SC10", "3000.01", "PAID", "2026-03-04", "BK0001", ""),
                List.of("2", "SC11", "1250.55", "PAID", "2026-03-04", "BK0002", "")));
        assertThat(check.accepted()).isFalse();
        assertThat(check.outcomes()).isEmpty();
        assertThat(check.problems()).extracting(Problem::row, Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "AMOUNT_MISMATCH"),
                org.assertj.core.groups.Tuple.tuple(4, "TOTAL_MISMATCH"));
    }

    @Test
    void everyProblemOfTheFileIsReported() {
        Check check = check(List.of(
                List.of("1", "SC99", "3000.00", "PAID", "2026-03-06", "", ""),
                List.of("1", "SC10", "3000.00", "PAID", "2026-03-04", "BK1", ""),
                List.of("7", "SC11", "1250.55", "FAILED", "", "", "x"),
                List.of("2", "SC11", "abc", "MAYBE", "", "", "")));
        assertThat(check.problems()).extracting(Problem::code).containsExactly("CLAIM_REFERENCE_MISMATCH",
                "VALUE_DATE_OUT_OF_RANGE", "BANK_REFERENCE_INVALID", "LINE_DUPLICATE", "LINE_UNKNOWN",
                "AMOUNT_INVALID", "RESULT_INVALID", "TOTAL_MISMATCH");
        assertThat(check.problems().get(0).column()).isEqualTo("申报编号");
        assertThat(check.problems().get(0).messageEn()).contains("SC10");
    }

    @Test
    void aMissingLineAFailureWithoutReasonAndAForeignHeaderAreRefused() {
        Check missing = check(List.of(List.of("1", "SC10", "3000.00", "FAILED", "", "", "")));
        assertThat(missing.problems()).extracting(Problem::code).containsExactly("FAILURE_REASON_INVALID",
                "LINE_MISSING", "TOTAL_MISMATCH");
        List<List<String>> foreign = new ArrayList<>();
        foreign.add(List.of("序号", "金额"));
        assertThat(PaymentResultFile.check(SENT, TOTAL, foreign, BATCH_DAY, TODAY).problems())
                .extracting(Problem::code).containsExactly("HEADER_MISMATCH");
        assertThat(PaymentResultFile.check(SENT, TOTAL, List.of(), BATCH_DAY, TODAY).problems())
                .extracting(Problem::code).containsExactly("HEADER_MISMATCH");
    }

    private static Check check(List<List<String>> lines) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(PaymentResultFile.HEADER);
        rows.addAll(lines);
        return PaymentResultFile.check(SENT, TOTAL, rows, BATCH_DAY, TODAY);
    }
}
