package org.mbmskeys.mbms.ue.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * A one-way digest of a key the UE no longer holds: enough to tell, when a key comes back under the same
 * ID, whether it is the same key (its replay counter still guards it) or a new one (TS 33.246 §6.4.3: the
 * counter is reset when the key is updated), without keeping the key itself. SHA-256 over a label and
 * the key, so the digest is useless as key material and says nothing about the key.
 */
public record KeyFingerprint(Bytes value) {

    private static final byte[] LABEL = "mbms-keys replay memory".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public KeyFingerprint {
        Objects.requireNonNull(value, "value");
    }

    static KeyFingerprint of(SecretBytes key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            byte[] material = key.copyBytes();
            try {
                sha.update(material);
            } finally {
                java.util.Arrays.fill(material, (byte) 0);
            }
            return new KeyFingerprint(Bytes.wrap(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    boolean matches(SecretBytes key) {
        return MessageDigest.isEqual(value.toByteArray(), of(key).value.toByteArray());
    }

    @Override
    public String toString() {
        return "KeyFingerprint[…]";
    }
}
