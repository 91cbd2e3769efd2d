package cn.ipf.app.regulator;

import cn.ipf.app.regulator.policy.Indicator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * 统计目标 one target as the console's form submits it: the year, region and indicator the API takes in the path of
 * putStatisticsTarget, with the contract's constraints, and its {@code StatisticsTargetForm} value. The scale (fen or
 * whole count) and the region are the service's checks ({@link Statistics#setTarget}).
 */
public class TargetEntry {

    @NotNull
    @Min(2000)
    @Max(2100)
    private Integer year;
    @NotBlank
    private String regionCode;
    @NotNull
    private Indicator indicator;
    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100000000000000")
    private BigDecimal target;

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public void setIndicator(Indicator indicator) {
        this.indicator = indicator;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }
}
