package cn.ipf.app.library.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * 中小企业划型 size classification by 《中小企业划型标准规定》(工信部联企业〔2011〕300号).
 *
 * <p>Each class has lower bounds on the sector's indicators, and an enterprise reaches a class only when it meets
 * every one of them; otherwise it drops a class (the standard's "且" for medium and small, and "或" for the SME upper
 * bound: it is large only when it reaches both large bounds). A bound of 0 marks an indicator the sector does not use.
 */
public final class SizeClassifier {

    /**
     * Lower bounds of one class: employees (persons), revenue and total assets in 万元 (10 000 yuan); 0 where the
     * sector does not use the indicator.
     */
    public record Bounds(int employees, long revenueWan, long assetsWan) {
    }

    /** Large, medium and small bounds per sector; below small is micro. */
    private record Table(Bounds large, Bounds medium, Bounds small) {
    }

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private SizeClassifier() {
    }

    /**
     * Revenue and total assets in yuan (元), both required and ≥ 0 even where the sector ignores them; employees ≥ 0.
     * IllegalArgumentException for negative values, NullPointerException for missing ones.
     */
    public static SizeClass classify(Sector sector, int employees, BigDecimal annualRevenue, BigDecimal totalAssets) {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(annualRevenue, "annualRevenue");
        Objects.requireNonNull(totalAssets, "totalAssets");
        if (employees < 0 || annualRevenue.signum() < 0 || totalAssets.signum() < 0) {
            throw new IllegalArgumentException("employees, revenue and assets must not be negative");
        }
        Table table = tableOf(sector);
        if (meets(table.large(), employees, annualRevenue, totalAssets)) {
            return SizeClass.LARGE;
        }
        if (meets(table.medium(), employees, annualRevenue, totalAssets)) {
            return SizeClass.MEDIUM;
        }
        if (meets(table.small(), employees, annualRevenue, totalAssets)) {
            return SizeClass.SMALL;
        }
        return SizeClass.MICRO;
    }

    /** The lower bounds of the class in the sector, to say why an enterprise has its class; empty for micro. */
    public static Optional<Bounds> lowerBounds(Sector sector, SizeClass size) {
        Table table = tableOf(Objects.requireNonNull(sector, "sector"));
        return Optional.ofNullable(switch (size) {
            case LARGE -> table.large();
            case MEDIUM -> table.medium();
            case SMALL -> table.small();
            case MICRO -> null;
        });
    }

    private static boolean meets(Bounds b, int employees, BigDecimal revenue, BigDecimal assets) {
        return employees >= b.employees()
                && revenue.compareTo(WAN.multiply(BigDecimal.valueOf(b.revenueWan()))) >= 0
                && assets.compareTo(WAN.multiply(BigDecimal.valueOf(b.assetsWan()))) >= 0;
    }

    /** An exhaustive switch, so a new sector does not compile until it has thresholds. */
    private static Table tableOf(Sector sector) {
        return switch (sector) {
            case INDUSTRY -> new Table(new Bounds(1000, 40_000, 0), new Bounds(300, 2000, 0), new Bounds(20, 300, 0));
            case CONSTRUCTION ->
                    new Table(new Bounds(0, 80_000, 80_000), new Bounds(0, 6000, 5000), new Bounds(0, 300, 300));
            case WHOLESALE -> new Table(new Bounds(200, 40_000, 0), new Bounds(20, 5000, 0), new Bounds(5, 1000, 0));
            case RETAIL -> new Table(new Bounds(300, 20_000, 0), new Bounds(50, 500, 0), new Bounds(10, 100, 0));
            case TRANSPORT -> new Table(new Bounds(1000, 30_000, 0), new Bounds(300, 3000, 0), new Bounds(20, 200, 0));
            case SOFTWARE_IT -> new Table(new Bounds(300, 10_000, 0), new Bounds(100, 1000, 0), new Bounds(10, 50, 0));
            case OTHER -> new Table(new Bounds(300, 0, 0), new Bounds(100, 0, 0), new Bounds(10, 0, 0));
        };
    }
}
