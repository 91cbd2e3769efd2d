package cn.ipf.app.compensation.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * 风险补偿计算 the payout of a claim and the return of a recovery, as pure functions of the loan's figures and a rule
 * set: nothing is read or written, so reviewers' previews, the batch job and what-if simulations compute alike.
 *
 * <p>Payout: the loss base L = outstanding principal at default × IP share (HALF_UP to the fen). Every layer but the
 * bank's is L × share, HALF_UP; the bank bears L minus the others. When the FUND layers together exceed the fund cap,
 * the cap is split over them in proportion to their shares (HALF_UP, the rounding difference on the fund with the
 * largest share) and the bank bears the rest.
 *
 * <p>Recovery: net = max(0, gross − disposal costs). What the layers still bear (borne − returned before) limits what
 * is distributed; net beyond it is surplus left to the bank. The distributable amount goes to the layers in proportion
 * to what each bore (HALF_UP, the rounding difference to the layer that bore most); a layer never gets back more than
 * it still bears, what it cannot take goes to the others in order of what they bore.
 */
public final class CompensationCalculator {

    private CompensationCalculator() {
    }

    /** One layer's part of a payout, with its trace. */
    public record LayerPayout(Layer layer, BigDecimal exact, BigDecimal amountBeforeCap, BigDecimal amount,
            BigDecimal roundingAdjustment) {
    }

    /**
     * A claim's payout: L, the fund total before the cap, whether the cap applied, and every layer in rule order.
     * The layers' amounts sum to L; the FUND layers' to at most the cap.
     */
    public record Payout(int rulesVersion, BigDecimal outstandingAtDefault, BigDecimal ipShare, BigDecimal lossBase,
            BigDecimal fundCap, BigDecimal fundTotalBeforeCap, boolean capApplied, List<LayerPayout> layers) {

        public BigDecimal fundTotal() {
            return layers.stream().filter(l -> l.layer().kind() == LayerKind.FUND).map(LayerPayout::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** What one layer bore of a paid claim and what it got back from earlier recoveries. */
    public record Borne(Layer layer, BigDecimal amount, BigDecimal returnedBefore) {
    }

    public record ReturnLine(Layer layer, BigDecimal borne, BigDecimal returnedBefore, BigDecimal amount) {
    }

    public record RecoveryReturn(BigDecimal net, BigDecimal distributable, BigDecimal surplus,
            List<ReturnLine> lines) {
    }

    public static BigDecimal lossBase(BigDecimal outstandingAtDefault, BigDecimal ipShare) {
        return outstandingAtDefault.multiply(ipShare).setScale(2, RoundingMode.HALF_UP);
    }

    public static Payout payout(BigDecimal outstandingAtDefault, BigDecimal ipShare, CompensationRules rules) {
        BigDecimal loss = lossBase(outstandingAtDefault, ipShare);
        List<Layer> layers = rules.layers();
        List<BigDecimal> shares = layers.stream().map(Layer::share).toList();
        int bank = IntStream.range(0, layers.size()).filter(i -> layers.get(i).kind() == LayerKind.BANK)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no BANK layer"));
        List<Apportion.Part> split = Apportion.split(loss, shares, bank);
        BigDecimal[] amount = split.stream().map(Apportion.Part::amount).toArray(BigDecimal[]::new);
        BigDecimal[] adjustment = new BigDecimal[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            adjustment[i] = amount[i].subtract(split.get(i).exact().setScale(2, RoundingMode.HALF_UP));
        }
        List<Integer> funds = IntStream.range(0, layers.size()).filter(i -> layers.get(i).kind() == LayerKind.FUND)
                .boxed().toList();
        BigDecimal fundTotal = funds.stream().map(i -> amount[i]).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean capped = fundTotal.compareTo(rules.fundCapPerLoan()) > 0;
        BigDecimal[] after = amount.clone();
        if (capped) {
            List<BigDecimal> fundShares = funds.stream().map(shares::get).toList();
            List<Apportion.Part> capSplit = Apportion.split(rules.fundCapPerLoan(), fundShares,
                    Apportion.largest(fundShares));
            BigDecimal others = BigDecimal.ZERO;
            for (int f = 0; f < funds.size(); f++) {
                int i = funds.get(f);
                after[i] = capSplit.get(f).amount();
                adjustment[i] = after[i].subtract(capSplit.get(f).exact().setScale(2, RoundingMode.HALF_UP));
            }
            for (int i = 0; i < layers.size(); i++) {
                if (i != bank) {
                    others = others.add(after[i]);
                }
            }
            after[bank] = loss.subtract(others);
        }
        List<LayerPayout> lines = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            lines.add(new LayerPayout(layers.get(i), split.get(i).exact(), amount[i], after[i], adjustment[i]));
        }
        return new Payout(rules.version(), outstandingAtDefault, ipShare, loss, rules.fundCapPerLoan(), fundTotal,
                capped, lines);
    }

    public static RecoveryReturn recoveryReturn(List<Borne> borne, BigDecimal gross, BigDecimal disposalCosts) {
        BigDecimal net = gross.subtract(disposalCosts).max(BigDecimal.ZERO);
        int n = borne.size();
        BigDecimal[] remaining = new BigDecimal[n];
        BigDecimal stillBorne = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            remaining[i] = borne.get(i).amount().subtract(borne.get(i).returnedBefore()).max(BigDecimal.ZERO);
            stillBorne = stillBorne.add(remaining[i]);
        }
        BigDecimal distributable = net.min(stillBorne);
        List<BigDecimal> weights = borne.stream().map(Borne::amount).toList();
        List<Apportion.Part> split = Apportion.split(distributable, weights, Apportion.largest(weights));
        BigDecimal[] amount = new BigDecimal[n];
        BigDecimal excess = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            amount[i] = split.get(i).amount().min(remaining[i]);
            excess = excess.add(split.get(i).amount().subtract(amount[i]));
        }
        // what a layer could not take goes to those with room left, the one that bore most first
        List<Integer> byBorne = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> weights.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int i : byBorne) {
            if (excess.signum() == 0) {
                break;
            }
            BigDecimal room = remaining[i].subtract(amount[i]);
            BigDecimal take = room.min(excess);
            amount[i] = amount[i].add(take);
            excess = excess.subtract(take);
        }
        List<ReturnLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(new ReturnLine(borne.get(i).layer(), borne.get(i).amount(), borne.get(i).returnedBefore(),
                    amount[i]));
        }
        return new RecoveryReturn(net, distributable, net.subtract(distributable), lines);
    }
}
