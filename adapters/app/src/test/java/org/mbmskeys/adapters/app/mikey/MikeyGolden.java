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
import org.mbmskeys.mbms.mikey.protection.CsbIdPolicy;
import org.mbmskeys.mbms.mikey.protection.IdPolicy;

/**
 * Golden MBMS MIKEY messages of the project profile (PROFILE.md §10) and the arguments that build them.
 *
 * <p>Source: self-computed regression values [SELF], NOT official vectors (none exist for MBMS MIKEY,
 * PROFILE.md §1.8). The encrypted key data and the MACs were computed twice and agreed byte for byte: by
 * {@code mbms-keys mikey build} (the project's Java code) and by
 * {@code src/test/resources/mikey/independent_golden.py}, written from PROFILE.md with Python's
 * {@code hmac} and the {@code cryptography} package. The MUK is the GBA_U MUK (Ks_int_NAF) of the GBA
 * vector in PROFILE.md §5.3, IDr its B-TID.
 */
final class MikeyGolden {

    static final String MUK = "d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35";
    static final String MSK = "00112233445566778899aabbccddeeff";
    static final String MTK = "0f0e0d0c0b0a09080706050403020100";
    static final String SALT = "a0a1a2a3a4a5a6a7a8a9aaabacad";
    static final String IDI = "bmsc.example.org";
    static final String IDR = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    static final String MSK_RAND = "101112131415161718191a1b1c1d1e1f";
    static final String SOLICIT_RAND = "202122232425262728292a2b2c2d2e2f";
    static final String MTK_RAND = "303132333435363738393a3b3c3d3e3f";

    static final String[] BUILD_MSK = {"mikey", "build", "msk", "--muk", MUK, "--msk", MSK, "--msk-id", "00010002",
        "--key-domain", "001-01", "--counter", "7", "--idi", IDI, "--idr", IDR, "--rand", MSK_RAND, "--ack"};

    static final String[] BUILD_MTK = {"mikey", "build", "mtk", "--msk", MSK, "--msk-id", "00010002", "--mtk", MTK,
        "--mtk-id", "5", "--key-domain", "001-01", "--counter", "3", "--salt", SALT, "--rand", MTK_RAND};

    static final String[] BUILD_SOLICIT = {"mikey", "build", "solicit", "--muk", MUK, "--key-group", "0001",
        "--key-domain", "001-01", "--counter", "8", "--idi", IDI, "--idr", IDR, "--rand", SOLICIT_RAND};

    /** MSK delivery, V=1: MSK 00112233…ff as MSK ID 00010002 of Key Domain 001-01, counter 7, validity 1..65535. */
    static final Bytes MSK_MESSAGE = Hex.annotated("""
            01 00 15 80          # HDR: version 1, data type 0 (PSK init), next EXT (21), V=1 | PRF 0 (MIKEY-1)
            00 f1 10 00          #   CSB ID: Key Domain 001-01 packed as a PLMN identity (00 f1 10) ‖ 00
            00 01                #   #CS 0, CS ID map type 1 (empty map)
            05 03 0007           # EXT: next T, type 3 (Key ID, interim), length 7
            01 0004 00010002     #   Key ID Type 1 (MSK), Key ID len 4, MSK ID 00010002
            0b 02 00000007       # T: next RAND, TS type 2 (COUNTER), counter 7
            06 10 101112131415161718191a1b1c1d1e1f                                  # RAND: next ID, len 16
            06 01 0010 626d73632e6578616d706c652e6f7267                              # IDi: next ID, URI, "bmsc.example.org"
            01 01 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                                 # IDr: next KEMAC, URI, len 40, the B-TID
            00 01 001a           # KEMAC: last, Encr alg 1 (AES-CM-128), Encr data len 26
            4c12e93b5b5a1e124a62aa65a79f99f80e6195723491bb0867b6  # E(TGK, KV Interval 0001..ffff) [SELF]
            01 f90e1ba6d0354fe2a285354484e3b7063e676708           # MAC alg 1 (HMAC-SHA-1-160), MAC [SELF]
            """);

    /** The UE's verification message answering {@link #MSK_MESSAGE}. */
    static final Bytes ACK_MESSAGE = Hex.annotated("""
            01 01 05 00 00f11000 00 01     # HDR: data type 1 (PSK verification), next T, V=0, same CSB ID
            06 02 00000007                 # T: next ID, COUNTER 7 (the answered message's counter)
            09 01 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                                           # IDr: next V, URI, the B-TID
            00 01 1287b42c79ecc280d5e3fc0966ea0294021b2ef9   # V: last, HMAC-SHA-1-160, Ver data [SELF]
            """);

    /** Solicited pull for Key Group 0001, counter 8: Key Number 0, KEMAC with Encr data len 0. */
    static final Bytes SOLICIT_MESSAGE = Hex.annotated("""
            01 00 15 00 00f11000 00 01     # HDR: PSK init, next EXT, V=0
            05 03 0007 01 0004 00010000    # EXT: Key ID MSK 0001|0000 (Key Number 0 = solicited pull)
            0b 02 00000008                 # T: COUNTER 8
            06 10 202122232425262728292a2b2c2d2e2f
            06 01 0010 626d73632e6578616d706c652e6f7267
            01 01 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
            00 01 0000                     # KEMAC: AES-CM-128, Encr data len 0 (no key)
            01 c8b5e166b95ad244abc70a104c662f3e9955b8a5      # MAC [SELF]
            """);

    /** MTK delivery under the MSK: MTK 0f0e…00 with salt a0…ad as MTK ID 5, counter 3. */
    static final Bytes MTK_MESSAGE = Hex.annotated("""
            01 00 15 00 00f11000 00 01     # HDR: PSK init, next EXT, V=0
            15 03 0007 01 0004 00010002    # EXT: next EXT, Key ID MSK 00010002
            05 03 0005 02 0002 0005        # EXT: next T, Key ID Type 2 (MTK), len 2, MTK ID 5
            0b 02 00000003                 # T: COUNTER 3
            01 10 303132333435363738393a3b3c3d3e3f            # RAND: next KEMAC
            00 01 0024                     # KEMAC: AES-CM-128, Encr data len 36 (TEK+SALT, KV Null)
            2cea0ff5e864af7670c7586e8e012d62aa68e3bd03e9d3362ecc01dbbe6d9785b1876735   # [SELF]
            01 384367f386ba981a5b6f4c030bd4fcc7fdf0492a      # MAC [SELF]
            """);

    private MikeyGolden() {
    }

    /**
     * A DEBUG MSK message built with the codec, not the sealer: KEMAC Encr alg NULL and MAC alg NULL, so
     * the Key data sub-payload (TGK, KV Interval SEQl 1..SEQu 65535) travels in the clear and Wireshark can
     * show it. Not in the profile (the reader refuses NULL encryption); counter 10, V=0.
     */
    static Bytes debugNullMskMessage() {
        CommonHeader hdr = CommonHeader.mbmsProfile(DataType.PSK_INIT, false,
                CsbIdPolicy.forKeyDomain(KeyDomainId.parse("001-01")));
        SecretBytes plaintext = KeyDataCodec.encode(List.of(
                KeyData.of(KeyDataType.TGK, SecretBytes.ofHex(MSK), KvInterval.of(KeyValidity.of(1, 65535)))));
        return MikeyCodec.encode(new MikeyMessage(hdr, List.of(
                KeyIdExtension.forMsk(MskId.parseHex("00010002")).toPayload(),
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
