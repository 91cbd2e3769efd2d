package cn.ipf.app.imports.policy;

/** One error of an import file: data row (1 = the first row after the header), column, stable code, messages. */
public record ImportProblem(int row, String column, String code, String messageZh, String messageEn) {
}
