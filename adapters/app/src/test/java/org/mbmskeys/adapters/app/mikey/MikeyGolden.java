package org.mbmskeys.adapters.app.mikey;

import java.util.List;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.EncryptionAlgorithm;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataCodec;
import org.mbmskeys.mbms.mikey.KeyDataType;
import org.mbmskeys.mbms.mikey.KeyIdExtension;
import org.mbmskeys.mbms.mikey.KvInterval;
import org.mbmskeys.mbms.mikey.MacAlgorithm;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.TimestampPayload;
import org.mbmskeys.mbms.mikey.protection.IdPolicy;

/**
 * Golden MBMS MIKEY messages (TS 33.246 §6.4.4–§6.4.5.3) and the arguments that build them.
 *
 * <p>Source: self-computed regression values [SELF], NOT official vectors (none exist for MBMS MIKEY).
 * The encrypted key data and the MACs were computed twice and agree byte for byte: by
 * {@code mbms-keys mikey build} (the project's Java code) and by
 * {@code src/test/resources/mikey/independent_golden.py}, written from the texts of TS 33.246 and RFCs
 * 3830, 4563 and 4771 alone, with Python's {@code hmac} and the {@code cryptography} package
 * ({@link IndependentReproductionTest} checks it on every build). The MUK is the ME-based MUK, Ks_NAF
 * (TS 33.246 §6.1), of the GBA test vector; IDr is its B-TID.
 */
final class MikeyGolden {

    static final String MUK = "ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c";
    static final String MSK = "00112233445566778899aabbccddeeff";
    static final String MTK = "0f0e0d0c0b0a09080706050403020100";
    static final String SALT = "a0a1a2a3a4a5a6a7a8a9aaabacad";
    static final String IDI = "bmsc.example.org";
    static final String IDR = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    /** The MSK's MIKEY-RAND: in its MSK messages, and the RAND the MTK messages' keys come from (§6.5.4). */
    static final String MSK_RAND = "101112131415161718191a1b1c1d1e1f";
    static final String SOLICIT_RAND = "202122232425262728292a2b2c2d2e2f";
    static final String CSB_MSK = "c5b1d001";
    static final String CSB_SOLICIT = "c5b1d002";
    static final String CSB_MTK = "c5b1d003";

    static final String[] BUILD_MSK = {"mikey", "build", "msk", "--service", "download", "--muk", MUK, "--msk", MSK, "--msk-id", "00010002",
        "--key-domain", "001-01", "--csb-id", CSB_MSK, "--counter", "7", "--idi", IDI, "--idr", IDR, "--rand", MSK_RAND,
        "--ack"};

    static final String[] BUILD_VALIDITY_ONLY = {"mikey", "build", "msk", "--service", "download", "--muk", MUK, "--validity-only", "--msk-id",
        "00010002", "--key-domain", "001-01", "--csb-id", CSB_MSK, "--counter", "10", "--idi", IDI, "--idr", IDR,
        "--rand", MSK_RAND};

    static final String[] BUILD_MSK_STREAMING = {"mikey", "build", "msk", "--service", "streaming", "--muk", MUK,
        "--msk", MSK, "--msk-id", "00010002", "--key-domain", "001-01", "--csb-id", CSB_MSK, "--counter", "9", "--idi",
        IDI, "--idr", IDR, "--rand", MSK_RAND, "--ssrc", "0a0b0c0d", "--roc", "0", "--roc-rate", "1", "--srtp-auth",
        "rccm1"};

    static final String[] BUILD_MTK = {"mikey", "build", "mtk", "--service", "streaming", "--msk", MSK, "--msk-id",
        "00010002", "--msk-rand", MSK_RAND, "--mtk", MTK, "--mtk-id", "5", "--key-domain", "001-01", "--csb-id", CSB_MTK,
        "--counter", "3", "--salt", SALT};

    static final String[] BUILD_MTK_DOWNLOAD = {"mikey", "build", "mtk", "--service", "download", "--msk", MSK,
        "--msk-id", "00010002", "--msk-rand", MSK_RAND, "--mtk", MTK, "--mtk-id", "5", "--key-domain", "001-01",
        "--csb-id", CSB_MTK, "--counter", "4"};

    static final String[] BUILD_SOLICIT = {"mikey", "build", "solicit", "--muk", MUK, "--key-group", "0001",
        "--key-domain", "001-01", "--csb-id", CSB_SOLICIT, "--counter", "8", "--idi", IDI, "--idr", IDR, "--rand",
        SOLICIT_RAND};

    /** Download MSK message, V=1: MSK 00112233…ff as MSK ID 00010002 of Key Domain 001-01, counter 7, validity 0..65534. */
    static final Bytes MSK_MESSAGE = Hex.annotated("""
            01 00 15 80          # HDR: version 1, data type 0 (PSK init), next EXT (21), V=1 | PRF 0 (MIKEY-1)
            c5 b1 d0 01          #   CSB ID: any value (TS 33.246 §6.4.2)
            00 01                #   #CS 0, CS ID map type 1 (Empty map)
            05 03 000b           # EXT: next T, type 3 (Key ID, RFC 4563), length 11
            00 03 00f110         #   Key ID Type 0 (Key Domain ID), len 3, 001-01 (BCD, U2)
            01 04 00010002       #   Key ID Type 1 (MSK ID), len 4, MSK ID 00010002
            0b 02 00000007       # T: next RAND, TS type 2 (COUNTER), counter 7
            06 10 101112131415161718191a1b1c1d1e1f                                  # RAND: next ID, len 16
            06 00 0010 626d73632e6578616d706c652e6f7267                              # IDi: next ID, NAI, "bmsc.example.org"
            01 00 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                                 # IDr: next KEMAC, NAI, len 40, the B-TID
            00 01 001a           # KEMAC: last, Encr alg 1 (AES-CM-128), Encr data len 26
            8644fea5a17a929b2de49d60a836b7c154219cd3efc768f3f67a  # E(TEK, KV Interval 0000..fffe) [SELF]
            01 f58d2c5e651b8d3dccc2913c0dcf445a0450877e           # MAC alg 1 (HMAC-SHA-1-160), MAC [SELF]
            """);

    /**
     * Streaming MSK message (TS 33.246 §6.4.5.1, §6.6.2.1), V=0, counter 9: SRTP-ID map and SRTP policy (U12).
     */
    static final Bytes MSK_STREAMING_MESSAGE = Hex.annotated("""
            01 00 15 00 c5b1d001           # HDR: PSK init, next EXT, V=0, CSB ID
            01 00                          #   #CS 1, CS ID map type 0 (SRTP-ID)
            00 0a0b0c0d 00000000           #   Policy_no 0, SSRC 0a0b0c0d, ROC 0
            05 03 000b 00 03 00f110 01 04 00010002   # EXT: Key Domain, MSK ID
            0b 02 00000009                 # T: COUNTER 9
            06 10 101112131415161718191a1b1c1d1e1f
            06 00 0010 626d73632e6578616d706c652e6f7267
            0a 00 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                                           # IDr: next SP (10)
            01 00 00 0019                  # SP: next KEMAC, Policy no 0, Prot type SRTP, param length 25
            00 01 01  01 01 10  02 01 01  04 01 0e  0b 01 0a   # AES-CM, key 16, HMAC-SHA-1, salt 14, tag 10
            0d 02 0001  0e 01 02  12 01 0e                   # RFC 4771: R 1, RCCm1, SRTP tag 14
            00 01 001a                     # KEMAC: AES-CM-128, Encr data len 26 (TEK, KV Interval 0000..fffe)
            21d87bf9cf678f46ee08f2b79f188e82c3a232b38efb3a0b817a   # [SELF]
            01 b4922a2e1b71458d1a4c6f8098fb496c8db5861c      # MAC [SELF]
            """);

    /** The UE's verification message answering {@link #MSK_MESSAGE}. */
    static final Bytes ACK_MESSAGE = Hex.annotated("""
            01 01 05 00 c5b1d001 00 01     # HDR: data type 1 (PSK verification), next T, V=0, same CSB ID
            06 02 00000007                 # T: next ID, COUNTER 7 (the answered message's counter)
            09 00 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                                           # IDr: next V, NAI, the B-TID
            00 01 94dc65a3cb207729ee51474ab46a0f2ff89cacd0   # V: last, HMAC-SHA-1-160, Ver data [SELF]
            """);

    /** Solicited pull for Key Group 0001, counter 8: Key Number 0, KEMAC with Encr data len 0. */
    static final Bytes SOLICIT_MESSAGE = Hex.annotated("""
            01 00 15 00 c5b1d002 00 01     # HDR: PSK init, next EXT, V=0
            05 03 000b 00 03 00f110 01 04 00010000   # EXT: Key Domain 001-01, MSK ID 0001|0000 (Key Number 0 = pull)
            0b 02 00000008                 # T: COUNTER 8
            06 10 202122232425262728292a2b2c2d2e2f
            06 00 0010 626d73632e6578616d706c652e6f7267
            01 00 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
            00 01 0000                     # KEMAC: AES-CM-128, Encr data len 0 (no key)
            01 836c30055ac6cd63eafb34b6630ea7ec010c7e96      # MAC [SELF]
            """);

    /** Streaming MTK message under the MSK: MTK 0f0e…00 with salt a0…ad as MTK ID 5, counter 3; no RAND. */
    static final Bytes MTK_MESSAGE = Hex.annotated("""
            01 00 15 00 c5b1d003 00 01     # HDR: PSK init, next EXT, V=0
            05 03 000f                     # EXT: next T, type 3 (Key ID), length 15
            00 03 00f110 01 04 00010002 02 02 0005   # Key Domain 001-01, MSK ID 00010002, Key ID Type 2 (MTK) MTK ID 5
            01 02 00000003                 # T: next KEMAC, COUNTER 3
            00 01 0024                     # KEMAC: AES-CM-128, Encr data len 36 (TEK+SALT, KV Null)
            913d3ab15a55d2b9263bf95f41ff903f223f6af1209bc3f8928c7320aac2743370dc86a1   # [SELF]
            01 fbdc17edf1d1f3c658a1280e556c1765b77a0d00      # MAC [SELF]
            """);

    /** Download MTK message: the same MTK as TGK without salt (TS 33.246 §6.4.5.3), counter 4. */
    static final Bytes MTK_DOWNLOAD_MESSAGE = Hex.annotated("""
            01 00 15 00 c5b1d003 00 01     # HDR: PSK init, next EXT, V=0
            05 03 000f 00 03 00f110 01 04 00010002 02 02 0005   # EXT: Key Domain, MSK ID, MTK ID 5
            01 02 00000004                 # T: next KEMAC, COUNTER 4
            00 01 0014                     # KEMAC: AES-CM-128, Encr data len 20 (TGK, KV Null)
            d11ac1b71763fd3f9652e5c38252cd93cd42b1e5   # [SELF]
            01 62b4a186a1e46736b3ece05ab1559e1548391f95      # MAC [SELF]
            """);

    /** Validity-only update of MSK 00010002 (U5: TEK Key data of length 0 with KV Interval 0..65534), counter 10. */
    static final Bytes VALIDITY_ONLY_MESSAGE = Hex.annotated("""
            01 00 15 00 c5b1d001 00 01     # HDR: PSK init, next EXT, V=0
            05 03 000b 00 03 00f110 01 04 00010002   # EXT: Key Domain, MSK ID
            0b 02 0000000a                 # T: COUNTER 10
            06 10 101112131415161718191a1b1c1d1e1f
            06 00 0010 626d73632e6578616d706c652e6f7267
            01 00 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
            00 01 000a                     # KEMAC: AES-CM-128, Encr data len 10
            4c8a4db03666e25992bd           # E(TEK, key len 0, KV Interval 0000..fffe) [SELF]
            01 da5c4955ccc1c671803507451153526ee6e29609      # MAC [SELF]
            """);

    private MikeyGolden() {
    }

    /**
     * A DEBUG MSK message built with the codec, not the sealer: KEMAC Encr alg NULL and MAC alg NULL, so
     * the Key data sub-payload (TEK, KV Interval SEQl 0..SEQu 65534) travels in the clear and Wireshark can
     * show it. Not in the profile (the reader refuses NULL encryption); counter 10, V=0.
     */
    static Bytes debugNullMskMessage() {
        CommonHeader hdr = CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false, CsbId.of(0xc5b1d001));
        SecretBytes plaintext = KeyDataCodec.encode(List.of(
                KeyData.of(KeyDataType.TEK, SecretBytes.ofHex(MSK), KvInterval.of(KeyValidity.of(0, 65534)))));
        return MikeyCodec.encode(new MikeyMessage(hdr, List.of(
                KeyIdExtension.forMsk(KeyDomainId.parse("001-01"), MskId.parseHex("00010002")).toPayload(),
                TimestampPayload.counter(TimestampCounter.of(10)),
                new RandPayload(Bytes.ofHex(MSK_RAND)),
                IdPolicy.initiator(IDI),
                IdPolicy.responder(IDR),
                new KemacPayload(EncryptionAlgorithm.NULL, Bytes.wrap(plaintext.copyBytes()), MacAlgorithm.NULL,
                        Bytes.empty()))));
    }

    /** {@code base} with {@code extra} appended. */
    static String[] with(String[] base, String... extra) {
        String[] out = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, out, base.length, extra.length);
        return out;
    }

    /** {@code base} with the value after {@code option} replaced. */
    static String[] replacing(String[] base, String option, String value) {
        String[] out = base.clone();
        for (int i = 0; i + 1 < out.length; i++) {
            if (out[i].equals(option)) {
                out[i + 1] = value;
                return out;
            }
        }
        throw new IllegalArgumentException(option + " is not among the arguments");
    }

    /** {@code base} without {@code option} (and its value, unless it is a flag). */
    static String[] without(String[] base, String option, boolean flag) {
        List<String> out = new java.util.ArrayList<>(List.of(base));
        int i = out.indexOf(option);
        if (i < 0) {
            throw new IllegalArgumentException(option + " is not among the arguments");
        }
        out.remove(i);
        if (!flag) {
            out.remove(i);
        }
        return out.toArray(String[]::new);
    }
}
