package cn.ipf.app.shared.export;

/**
 * A cell with a machine code and its Chinese name: the workbook shows the name (质押融资金额), the CSV keeps the code
 * (PLEDGE_FINANCING_AMOUNT).
 */
public record Coded(String code, String label) {
}
