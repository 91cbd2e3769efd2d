package cn.ipf.app.shared.export;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * 报表表头 what a person needs around a table to hand it on: title, region, period, unit, when the file was
 * generated and the date its data is as of. Every sheet of the workbook starts with it.
 */
public record Caption(String title, String region, String period, String unit, ZonedDateTime generatedAt,
        LocalDate dataAsOf) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** 区域 · 期间 · 单位, the second line of a sheet. */
    String scope() {
        return "区域：" + region + "　　期间：" + period + "　　单位：" + unit;
    }

    /** 生成时间 · 数据截至, the third line of a sheet. */
    String stamp() {
        return "生成时间：" + TIME.format(generatedAt) + "（" + generatedAt.getZone().getId() + "）　　数据截至："
                + dataAsOf;
    }

    /** The CSV's first line: a comment saying what the file is and that it is for machines. */
    String csvComment() {
        String comment = "# " + title + "；区域 " + region + "；期间 " + period + "；数据截至 " + dataAsOf
                + "；机器可读：指标与状态为代码，数字不带千分位，金额单位为元；以 # 开头的行为注释 (machine-readable:"
                + " codes and plain numbers, amounts in yuan; lines starting with # are comments)";
        // one line whatever the names hold, so that a reader skipping the lines that start with # skips all of it
        return comment.replaceAll("[\\r\\n]+", " ");
    }
}
