package cn.ipf.app.library.policy;

/** 企业规模 enterprise size class by 工信部联企业〔2011〕300号 (micro, small, medium form the 中小微 SMEs). */
public enum SizeClass {
    MICRO, SMALL, MEDIUM, LARGE;

    public boolean isSme() {
        return this != LARGE;
    }
}
