package cn.ipf.app.imports;

/** The bytes of an uploaded import file (a row, since MyBatis reads a bare array return as a list of rows). */
public record ImportContent(byte[] content) {
}
