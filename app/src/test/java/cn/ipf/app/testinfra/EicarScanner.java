package cn.ipf.app.testinfra;

import cn.ipf.app.material.VirusScanner;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A virus scanner for the tests: refuses any file containing the EICAR anti-virus test string (what every real
 * scanner reports as {@code EICAR-Test-File}), accepts everything else.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EicarScanner {

    /** The 68-byte EICAR test file. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @Bean
    VirusScanner eicarScanner() {
        byte[] signature = EICAR.getBytes(StandardCharsets.US_ASCII);
        return content -> indexOf(content, signature) >= 0 ? "EICAR-Test-File" : null;
    }

    private static int indexOf(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
