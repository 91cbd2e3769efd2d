package cn.ipf.app.compensation.policy;

/**
 * Who bears a layer of a loss: a fund of the programme (paid from its fund account), the lending bank (bears what the
 * others do not), or a party outside the platform's money (insurer 政银保, guarantor 政银担, appraiser) whose share is
 * computed and traced but settled between it and the bank.
 */
public enum LayerKind {
    FUND, BANK, INSURER, GUARANTOR, APPRAISER
}
