package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * KEMAC payload (RFC 3830 §6.2) exactly as received: still encrypted, MAC not yet checked.
 *
 * <pre>
 * Encr alg (1) | Encr data len (2) | Encr data | MAC alg (1) | MAC (0 or 20)
 * </pre>
 *
 * <p>The encrypted data is opaque here; its plaintext is a chain of Key data sub-payloads
 * ({@link KeyDataCodec}). The MAC covers the whole message up to the MAC field, so KEMAC is always the
 * last payload, and verification uses {@link DecodedMikey#macInput()}, never a re-encoding.
 */
public record KemacPayload(EncryptionAlgorithm encryption, Bytes encryptedKeyData, MacAlgorithm macAlgorithm,
                           Bytes mac) implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if the encrypted data is longer than 65535 bytes or the MAC length
     *                                  does not match the MAC algorithm
     */
    public KemacPayload {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(encryptedKeyData, "encryptedKeyData");
        Objects.requireNonNull(macAlgorithm, "macAlgorithm");
        Objects.requireNonNull(mac, "mac");
        if (encryptedKeyData.length() > 0xFFFF) {
            throw new IllegalArgumentException("KEMAC Encr data is at most 65535 bytes (Encr data len is 2 bytes), got "
                    + encryptedKeyData.length());
        }
        if (mac.length() != macAlgorithm.macLength()) {
            throw new IllegalArgumentException(macAlgorithm + " needs a " + macAlgorithm.macLength()
                    + "-byte MAC, got " + mac.length());
        }
    }

    /** Solicited pull (TS 33.246 §6.3.2.2.4): no key material, only the MAC. */
    public boolean isKeyless() {
        return encryptedKeyData.isEmpty();
    }

    @Override
    public PayloadType type() {
        return PayloadType.KEMAC;
    }
}
