package org.mbmskeys.mbms.gba;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The generic key derivation function of TS 33.220 Annex B.2:
 * {@code derived key = HMAC-SHA-256(Key, S)}, with S built by {@link KdfInput}. The output is always the
 * full 256 bits.
 *
 * <p>Stateless and thread-safe. Used for Ks_(ext)_NAF and Ks_int_NAF ({@link NafKeys}) and for the
 * MRK of ME-based MBMS key management (TS 33.246 Annex F, {@link MukMrkDerivation}).
 *
 * <pre>{@code
 * SecretBytes ksNaf = Kdf.derive(ks, 0x01, KdfInput.utf8("gba-me"), rand, KdfInput.utf8(impi), nafId.toBytes());
 * }</pre>
 */
public final class Kdf {

    /** Output length in bytes (HMAC-SHA-256). */
    public static final int OUTPUT_LENGTH = 32;

    private static final String HMAC_SHA_256 = "HmacSHA256";

    private Kdf() {
    }

    /**
     * Shorthand for {@code derive(key, KdfInput.of(fc, parameters))}.
     *
     * @throws IllegalArgumentException as {@link KdfInput#of(int, Bytes...)} and {@link #derive(SecretBytes, KdfInput)}
     */
    public static SecretBytes derive(SecretBytes key, int fc, Bytes... parameters) {
        return derive(key, KdfInput.of(fc, parameters));
    }

    /**
     * HMAC-SHA-256 of S under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is empty (HMAC needs key material)
     */
    public static SecretBytes derive(SecretBytes key, KdfInput s) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("KDF key is empty; TS 33.220 B.2 derives from a non-empty key such as Ks");
        }
        try {
            // A Mac per call: GBA derivations happen once per bootstrapping and NAF, far from the hot path.
            Mac mac = Mac.getInstance(HMAC_SHA_256);
            mac.init(new SecretKeySpec(key.unsafeArray(), HMAC_SHA_256));
            return SecretBytes.wrap(mac.doFinal(s.encode().toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + HMAC_SHA_256 + " (Java SE requirement)", e);
        }
    }
}
