package cn.ipf.app.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.shared.crypto.SecretCipher.Purpose;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        String stored = cipher.encrypt(Purpose.BANK_APP_SECRET, "s3cret");
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.decrypt(Purpose.BANK_APP_SECRET, stored)).isEqualTo("s3cret");
        assertThat(cipher.encrypt(Purpose.BANK_APP_SECRET, "s3cret")).as("fresh IV").isNotEqualTo(stored);
    }

    @Test
    void aCiphertextMovedToAnotherColumnDoesNotDecrypt() {
        String bankSecret = cipher.encrypt(Purpose.BANK_APP_SECRET, "s3cret");
        assertThatThrownBy(() -> cipher.decrypt(Purpose.LEGAL_REP_ID_NUMBER, bankSecret))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        byte[] sealed = cipher.seal(Purpose.IDEMPOTENT_RESPONSE, "{\"secret\":\"x\"}".getBytes());
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(Purpose.IDEMPOTENT_RESPONSE, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongSizedMasterKeyIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class);
    }
}
