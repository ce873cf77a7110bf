package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * One Key data sub-payload (RFC 3830 §6.13), found in the <em>plaintext</em> of a KEMAC's encrypted data:
 *
 * <pre>
 * Next payload (1) | Type (4 bits) KV (4 bits) | Key data len (2) | Key data
 * | [Salt len (2) | Salt]      -- iff Type is TGK+SALT or TEK+SALT
 * | [KV data]                  -- per KV: nothing, SPI len (1) | SPI, or VF len (1) | VF | VT len (1) | VT
 * </pre>
 *
 * <p>The key and salt are {@link SecretBytes}: {@code toString()} shows their lengths only. A key of
 * length 0 is allowed: the MSK "validity-only update" is key data len 0 with a KV Interval
 * (U5 in docs/wire-profile.md; TS 33.246 §6.5.3).
 *
 * <pre>{@code
 * KeyData mtk = KeyData.of(KeyDataType.TEK, mtkBytes, KvNull.INSTANCE);
 * SecretBytes plaintext = KeyDataCodec.encode(List.of(mtk));
 * }</pre>
 */
public record KeyData(KeyDataType type, SecretBytes key, Optional<SecretBytes> salt, KeyValidityData kv) {

    /**
     * @throws IllegalArgumentException if the salt's presence does not match the type, or the key or salt
     *                                  is longer than 65535 bytes
     */
    public KeyData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(kv, "kv");
        if (salt.isPresent() != type.hasSalt()) {
            throw new IllegalArgumentException("Key data Type " + type + (type.hasSalt()
                    ? " needs a salt; use " + saltCounterpart(type) + " for a key without salt"
                    : " carries no salt; use " + saltCounterpart(type) + " for a key with salt"));
        }
        if (key.length() > 0xFFFF) {
            throw new IllegalArgumentException("Key data is at most 65535 bytes (Key data len is 2 bytes), got " + key.length());
        }
        if (salt.isPresent() && salt.get().length() > 0xFFFF) {
            throw new IllegalArgumentException("Salt is at most 65535 bytes (Salt len is 2 bytes), got " + salt.get().length());
        }
    }

    /** A key without salt ({@link KeyDataType#TGK} or {@link KeyDataType#TEK}). */
    public static KeyData of(KeyDataType type, SecretBytes key, KeyValidityData kv) {
        return new KeyData(type, key, Optional.empty(), kv);
    }

    /** A key with salt ({@link KeyDataType#TGK_SALT} or {@link KeyDataType#TEK_SALT}). */
    public static KeyData withSalt(KeyDataType type, SecretBytes key, SecretBytes salt, KeyValidityData kv) {
        return new KeyData(type, key, Optional.of(salt), kv);
    }

    /** No key, only key validity data (key data len 0). */
    public boolean isValidityOnly() {
        return key.isEmpty();
    }

    private static KeyDataType saltCounterpart(KeyDataType type) {
        return switch (type) {
            case TGK -> KeyDataType.TGK_SALT;
            case TGK_SALT -> KeyDataType.TGK;
            case TEK -> KeyDataType.TEK_SALT;
            case TEK_SALT -> KeyDataType.TEK;
        };
    }

    /** Bytes of this sub-payload on the wire, Next payload byte included. */
    int wireLength() {
        int n = 1 + 1 + 2 + key.length();
        if (salt.isPresent()) {
            n += 2 + salt.get().length();
        }
        if (kv instanceof KvSpi s) {
            n += 1 + s.spi().length();
        } else if (kv instanceof KvInterval i) {
            n += 1 + i.validFrom().length() + 1 + i.validTo().length();
        }
        return n;
    }
}
