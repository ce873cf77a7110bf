package org.mbmskeys.mbms.mikey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Encodes and decodes the KEMAC plaintext: a chain of Key data sub-payloads (RFC 3830 §6.13), each
 * starting with its own Next payload byte, {@value #NEXT_KEY_DATA} for another Key data sub-payload and
 * {@value #LAST} for the last one. The chain must end exactly at the end of the plaintext. An empty
 * plaintext is an empty list (a keyless KEMAC, TS 33.246 §6.3.2.2.4).
 *
 * <p>The plaintext is key material, so it travels as {@link SecretBytes} both ways, and decode errors name
 * the offset (from the start of the plaintext) and the field only, never key bytes.
 *
 * <pre>{@code
 * SecretBytes plaintext = KeyDataCodec.encode(List.of(KeyData.of(KeyDataType.TEK, mtk, KvNull.INSTANCE)));
 * List<KeyData> keys = KeyDataCodec.decode(plaintext);
 * }</pre>
 */
public final class KeyDataCodec {

    /** Next payload value announcing another Key data sub-payload. */
    public static final int NEXT_KEY_DATA = 20;
    /** Next payload value ending the chain. */
    public static final int LAST = 0;

    private KeyDataCodec() {
    }

    /**
     * The plaintext for {@code keys}, in order.
     *
     * @throws IllegalArgumentException if the plaintext would exceed 65535 bytes (the KEMAC Encr data len
     *                                  limit)
     */
    public static SecretBytes encode(List<KeyData> keys) {
        int total = 0;
        for (KeyData k : keys) {
            total += k.wireLength();
        }
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("Key data sub-payloads take " + total
                    + " bytes; a KEMAC carries at most 65535 (Encr data len is 2 bytes)");
        }
        WireWriter out = new WireWriter(total);
        for (int i = 0; i < keys.size(); i++) {
            write(keys.get(i), i + 1 < keys.size() ? NEXT_KEY_DATA : LAST, out);
        }
        return SecretBytes.wrap(out.toArray());
    }

    /**
     * The Key data sub-payloads in {@code plaintext}.
     *
     * @throws MikeyDecodeException if the plaintext is not a well-formed chain; offsets count from the
     *                              start of the plaintext
     */
    public static List<KeyData> decode(SecretBytes plaintext) {
        WireReader in = WireReader.over(plaintext.unsafeArray());
        List<KeyData> keys = new ArrayList<>();
        try {
            int next = in.atEnd() ? LAST : NEXT_KEY_DATA;
            while (next == NEXT_KEY_DATA) {
                next = in.u8("Key data.next payload");
                if (next != NEXT_KEY_DATA && next != LAST) {
                    throw in.malformed("Key data.next payload", "inside KEMAC only " + NEXT_KEY_DATA
                            + " (another Key data) or " + LAST + " (last) may follow, got " + next);
                }
                keys.add(read(in));
            }
            if (!in.atEnd()) {
                throw in.malformedHere("Key data.next payload", in.remaining()
                        + " bytes follow the last Key data sub-payload");
            }
            return keys;
        } catch (MikeyDecodeException e) {
            keys.forEach(KeyDataCodec::destroy);
            throw e;
        } catch (RuntimeException e) {
            keys.forEach(KeyDataCodec::destroy);
            // Defence in depth: the checks above are meant to make this unreachable.
            throw new MikeyDecodeException(in.position(), "Key data", "internal decoder error ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static KeyData read(WireReader in) {
        int typeKv = in.u8("Key data.Type|KV");
        int typeCode = typeKv >>> 4;
        int kvCode = typeKv & 0x0F;
        KeyDataType type = KeyDataType.ofCode(typeCode)
                .orElseThrow(() -> in.malformed("Key data.Type", KeyDataType.CODES.unknown(typeCode)));
        KvType kvType = KvType.ofCode(kvCode)
                .orElseThrow(() -> in.malformed("Key data.KV", KvType.CODES.unknown(kvCode)));
        int keyLength = in.u16Length("Key data.Key data len");
        SecretBytes key = in.secret(keyLength, "Key data.Key data");
        Optional<SecretBytes> salt = Optional.empty();
        try {
            if (type.hasSalt()) {
                int saltLength = in.u16Length("Key data.Salt len");
                salt = Optional.of(in.secret(saltLength, "Key data.Salt"));
            }
            KeyValidityData kv = switch (kvType) {
                case NULL -> KvNull.INSTANCE;
                case SPI -> new KvSpi(in.bytes(in.u8Length("Key data.KV SPI len"), "Key data.KV SPI"));
                case INTERVAL -> readInterval(in);
            };
            return new KeyData(type, key, salt, kv);
        } catch (RuntimeException e) {
            key.destroy();
            salt.ifPresent(SecretBytes::destroy);
            throw e;
        }
    }

    private static KvInterval readInterval(WireReader in) {
        Bytes from = in.bytes(in.u8Length("Key data.KV VF len"), "Key data.KV VF");
        Bytes to = in.bytes(in.u8Length("Key data.KV VT len"), "Key data.KV VT");
        return new KvInterval(from, to);
    }

    private static void write(KeyData k, int next, WireWriter out) {
        out.u8(next).u8((k.type().code() << 4) | k.kv().kvType().code());
        out.u16(k.key().length()).secret(k.key());
        if (k.salt().isPresent()) {
            SecretBytes salt = k.salt().get();
            out.u16(salt.length()).secret(salt);
        }
        switch (k.kv().kvType()) {
            case NULL -> { }
            case SPI -> {
                Bytes spi = ((KvSpi) k.kv()).spi();
                out.u8(spi.length()).bytes(spi);
            }
            case INTERVAL -> {
                KvInterval i = (KvInterval) k.kv();
                out.u8(i.validFrom().length()).bytes(i.validFrom());
                out.u8(i.validTo().length()).bytes(i.validTo());
            }
        }
    }

    private static void destroy(KeyData k) {
        k.key().destroy();
        k.salt().ifPresent(SecretBytes::destroy);
    }
}
