package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;

/**
 * Seeded random inputs (fixed seeds: a failure reproduces) against the two decoders that face the network:
 * only {@link MikeyDecodeException} may escape, never with an internal cause, and whatever decodes must
 * re-encode to the identical bytes (the codec is canonical).
 */
class MikeyDecodeFuzzTest {

    private static final int MESSAGE_INPUTS = 200_000;
    private static final int PLAINTEXT_INPUTS = 60_000;

    /** Bytes that often matter: lengths 0/1, payload codes, Key data code, the top of the byte range. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x09, 0x0a, 0x0b, 0x0c, 0x10, 0x14,
            0x15, 0x20, 0x21, 0x7f, 0x80, 0xfe, 0xff};

    private static final int[] PAYLOAD_CODES = {0, 1, 5, 6, 9, 10, 11, 12, 21};

    @Test
    void mikeyDecodeThrowsOnlyItsOwnExceptionAndIsCanonical() {
        Random rnd = new Random(0x4d494b4559L);
        List<byte[]> corpus = List.of(
                GoldenMessages.MSK_DELIVERY.toByteArray(), GoldenMessages.VERIFICATION.toByteArray(),
                GoldenMessages.ERROR.toByteArray(), GoldenMessages.onvif().toByteArray(), everyPayloadMessage());
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < MESSAGE_INPUTS; i++) {
            byte[] input = i % 5 == 0 ? randomMessage(rnd) : mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
            if (decodesCanonically(input)) {
                decoded++;
            } else {
                rejected++;
            }
        }
        // Both outcomes must be exercised, or the test proves nothing about one of them.
        assertThat(decoded).isGreaterThan(5_000);
        assertThat(rejected).isGreaterThan(100_000);
    }

    @Test
    void keyDataDecodeThrowsOnlyItsOwnExceptionAndIsCanonical() {
        Random rnd = new Random(0x4b45594441L);
        byte[] onvifPlaintext = Hex.decode("0021001edf40b9f54ac2944d1edbb50fe61fd6b72f542fcf9d7f383edadb669a8de4040000002f");
        byte[] chain = KeyDataCodec.encode(List.of(
                KeyData.of(KeyDataType.TGK, SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f"),
                        KvInterval.of(KeyValidity.of(1, 100))),
                KeyData.withSalt(KeyDataType.TEK_SALT, SecretBytes.ofHex("1111"), SecretBytes.ofHex("22"), KvNull.INSTANCE),
                KeyData.of(KeyDataType.TGK, SecretBytes.of(), new KvSpi(Bytes.ofHex("0a0b")))))
                .copyBytes();
        List<byte[]> corpus = List.of(onvifPlaintext, chain);
        int decoded = 0;
        for (int i = 0; i < PLAINTEXT_INPUTS; i++) {
            byte[] input = i % 5 == 0 ? randomBytes(rnd, 40) : mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
            try {
                List<KeyData> keys = KeyDataCodec.decode(SecretBytes.of(input));
                if (!Arrays.equals(KeyDataCodec.encode(keys).copyBytes(), input)) {
                    fail("Key data decoded but re-encoded differently: " + Hex.encode(input));
                }
                decoded++;
            } catch (MikeyDecodeException e) {
                checkTyped(e, input);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("KeyDataCodec.decode let " + e + " escape for " + Hex.encode(input), e);
            }
        }
        assertThat(decoded).isGreaterThan(1_000);
    }

    @Test
    void keyIdExtensionReadThrowsOnlyItsOwnException() {
        Random rnd = new Random(0x4b4944L);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = randomBytes(rnd, 10);
            if (data.length > 0 && rnd.nextBoolean()) {
                data[0] = (byte) rnd.nextInt(4);
            }
            try {
                KeyIdExtension.from(GeneralExtensionPayload.of(ExtensionType.KEY_ID, Bytes.wrap(data)))
                        .filter(k -> !k.toPayload().data().equals(Bytes.wrap(data)))
                        .ifPresent(k -> fail("Key ID read but re-encoded differently: " + Hex.encode(data)));
            } catch (MikeyDecodeException e) {
                checkTyped(e, data);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("KeyIdExtension.from let " + e + " escape for " + Hex.encode(data), e);
            }
        }
    }

    /** True if decoded (and re-encoded identically), false if rejected with a MikeyDecodeException. */
    private static boolean decodesCanonically(byte[] input) {
        Bytes received = Bytes.of(input);
        try {
            DecodedMikey d = MikeyCodec.decode(received);
            Bytes again = MikeyCodec.encode(d.message());
            if (!again.equals(received)) {
                fail("decoded but re-encoded differently:\n in  " + received + "\n out " + again);
            }
            PayloadType last = d.message().last().map(MikeyPayload::type).orElse(PayloadType.LAST);
            if (d.macOffset().isPresent() != (last == PayloadType.KEMAC || last == PayloadType.V)) {
                fail("MAC offset " + d.macOffset() + " does not fit a message ending in " + last + ": " + received);
            }
            return true;
        } catch (MikeyDecodeException e) {
            checkTyped(e, input);
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("MikeyCodec.decode/encode let " + e + " escape for " + received, e);
        }
    }

    private static void checkTyped(MikeyDecodeException e, byte[] input) {
        if (e.getCause() != null) {
            throw new AssertionError("internal decoder error for " + Hex.encode(input), e.getCause());
        }
        if (e.offset() < 0 || e.offset() > input.length) {
            fail("error offset " + e.offset() + " outside the " + input.length + "-byte input " + Hex.encode(input));
        }
    }

    /** Random bytes; half of them behind a plausible header so the chain walker gets exercised too. */
    private static byte[] randomMessage(Random rnd) {
        byte[] body = randomBytes(rnd, 80);
        if (rnd.nextBoolean()) {
            return body;
        }
        byte[] hdr = Hex.decode("01000000" + "00f11000" + "0001");
        hdr[2] = (byte) PAYLOAD_CODES[rnd.nextInt(PAYLOAD_CODES.length)];
        byte[] out = Arrays.copyOf(hdr, hdr.length + body.length);
        System.arraycopy(body, 0, out, hdr.length, body.length);
        return out;
    }

    private static byte[] randomBytes(Random rnd, int maxLength) {
        byte[] b = new byte[rnd.nextInt(maxLength + 1)];
        rnd.nextBytes(b);
        return b;
    }

    /** One to three mutations: bit flip, interesting byte, insertion, deletion, truncation, duplication. */
    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int rounds = 1 + rnd.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[at] = (byte) INTERESTING[rnd.nextInt(INTERESTING.length)];
                    }
                }
                case 2 -> b = insert(b, at, randomBytes(rnd, 4));
                case 3 -> b = delete(b, at, 1 + rnd.nextInt(4));
                case 4 -> b = Arrays.copyOf(b, at);
                default -> b = insert(b, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + rnd.nextInt(24))));
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] extra) {
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, int at, int n) {
        int end = Math.min(b.length, at + n);
        byte[] out = new byte[b.length - (end - at)];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, end, out, at, b.length - end);
        return out;
    }

    /** A message holding one of every payload kind (KEMAC last), so mutations reach every payload codec. */
    private static byte[] everyPayloadMessage() {
        List<MikeyPayload> payloads = new ArrayList<>(List.of(
                new KeyIdExtension(List.of(
                        new KeyIdEntry(KeyIdType.KEY_DOMAIN, Bytes.ofHex("00f110")),
                        new KeyIdEntry(KeyIdType.MSK, Bytes.ofHex("00010002")),
                        new KeyIdEntry(KeyIdType.of(241), Bytes.ofHex("ab")))).toPayload(),
                GeneralExtensionPayload.of(ExtensionType.of(200), Bytes.ofHex("0102")),
                new TimestampPayload(TimestampType.NTP, 5),
                RandPayload.of(Bytes.ofHex("0102030405060708")),
                IdPayload.uri("x"),
                new SecurityPolicyPayload(0, ProtocolType.SRTP, List.of(SpParameter.of(0, Bytes.ofHex("01")))),
                ErrorPayload.of(ErrorNumber.INVALID_SP),
                new KemacPayload(EncryptionAlgorithm.NULL, Bytes.ofHex("0021000101040000002f"), MacAlgorithm.HMAC_SHA1_160,
                        Bytes.wrap(new byte[20]))));
        return MikeyCodec.encode(new MikeyMessage(CommonHeader.srtp(DataType.PSK_INIT, true, PrfFunction.MIKEY_1,
                CsbId.of(9), List.of(new SrtpCsEntry(0, 1, 2))), payloads)).toByteArray();
    }
}
