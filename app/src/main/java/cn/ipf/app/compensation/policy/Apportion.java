package cn.ipf.app.compensation.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount in fen in proportion to weights: every part but one is its exact share rounded HALF_UP to the fen,
 * and the remainder part takes the difference, so the parts sum to the amount exactly. Only when rounding up the
 * other parts would leave the remainder part negative (possible for amounts of a few fen) are the parts rounded up
 * the most given back a fen at a time, so that no part is ever negative.
 */
final class Apportion {

    static final BigDecimal FEN = new BigDecimal("0.01");

    private Apportion() {
    }

    /** One part: the exact share (6 decimals, for the trace) and the amount in fen. */
    record Part(BigDecimal exact, BigDecimal amount) {
    }

    static List<Part> split(BigDecimal total, List<BigDecimal> weights, int remainderIndex) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = weights.size();
        BigDecimal[] exact = new BigDecimal[n];
        BigDecimal[] amount = new BigDecimal[n];
        BigDecimal others = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            exact[i] = sum.signum() == 0 ? BigDecimal.ZERO
                    : total.multiply(weights.get(i)).divide(sum, 12, RoundingMode.HALF_UP);
            if (i != remainderIndex) {
                amount[i] = exact[i].setScale(2, RoundingMode.HALF_UP);
                others = others.add(amount[i]);
            }
        }
        amount[remainderIndex] = total.subtract(others);
        while (amount[remainderIndex].signum() < 0) {
            int give = -1;
            for (int i = 0; i < n; i++) {
                if (i == remainderIndex || amount[i].signum() == 0) {
                    continue;
                }
                if (give < 0 || amount[i].subtract(exact[i]).compareTo(amount[give].subtract(exact[give])) > 0) {
                    give = i;
                }
            }
            amount[give] = amount[give].subtract(FEN);
            amount[remainderIndex] = amount[remainderIndex].add(FEN);
        }
        List<Part> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new Part(exact[i].setScale(6, RoundingMode.HALF_UP), amount[i]));
        }
        return parts;
    }

    /** The index of the largest value (the first of equals). */
    static int largest(List<BigDecimal> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).compareTo(values.get(best)) > 0) {
                best = i;
            }
        }
        return best;
    }
}
