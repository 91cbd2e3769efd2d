package cn.ipf.app.shared.export;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Chinese names of machine codes in a report (a claim's status, a payout's kind), taken from the console's texts
 * so that a workbook uses the words the pages show: {@code coded("subsidy.status.", "PAID")} is PAID in the CSV and
 * 已兑付 in the workbook. A code without a text keeps the code as its name.
 */
@Component
public class CodeNames {

    private final MessageSource messages;

    CodeNames(MessageSource messages) {
        this.messages = messages;
    }

    /** The code with its name under {@code keyPrefix + code}; null for a null code. */
    public Coded coded(String keyPrefix, String code) {
        return code == null ? null : new Coded(code, messages.getMessage(keyPrefix + code, null, code,
                Locale.SIMPLIFIED_CHINESE));
    }
}
