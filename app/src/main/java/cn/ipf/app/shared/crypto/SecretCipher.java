package cn.ipf.app.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (bank app secrets, webhook secrets, identity numbers) with AES-256-GCM under the
 * deployment's master key ({@code ipf.security.master-key}, 32 bytes in Base64). Stored form:
 * {@code v1:} + Base64(12-byte IV ‖ ciphertext ‖ tag); the version prefix leaves room for key rotation.
 *
 * <p>Each value is bound to where it is stored (a {@link Purpose}, as GCM associated data): a ciphertext copied into
 * another column does not decrypt there, so nobody with write access to the database can make one secret show
 * through another column's view (the masked identity number, say).
 */
@Component
public class SecretCipher {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** Where an encrypted value lives; part of what the tag authenticates. */
    public enum Purpose {
        BANK_APP_SECRET, WEBHOOK_SECRET, LEGAL_REP_ID_NUMBER, IDEMPOTENT_RESPONSE;

        private byte[] aad() {
            return ("ipf:" + name()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(@Value("${ipf.security.master-key}") String masterKeyBase64) {
        byte[] raw = Base64.getDecoder().decode(masterKeyBase64);
        if (raw.length != 32) {
            throw new IllegalStateException("ipf.security.master-key must be 32 bytes in Base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(Purpose purpose, String plaintext) {
        return VERSION + Base64.getEncoder().encodeToString(seal(purpose, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(Purpose purpose, String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("unknown secret format");
        }
        return new String(open(purpose, Base64.getDecoder().decode(stored.substring(VERSION.length()))),
                StandardCharsets.UTF_8);
    }

    /** Binary form: 12-byte IV ‖ ciphertext ‖ tag. */
    public byte[] seal(Purpose purpose, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(purpose.aad());
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] open(Purpose purpose, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(purpose.aad());
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be decrypted: wrong master key or tampered value", e);
        }
    }

    /** A new random secret of {@code bytes} bytes, Base64 without padding. */
    public String newSecret(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getEncoder().withoutPadding().encodeToString(raw);
    }
}
