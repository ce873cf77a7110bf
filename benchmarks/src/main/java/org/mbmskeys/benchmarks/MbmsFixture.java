package org.mbmskeys.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataCodec;
import org.mbmskeys.mbms.mikey.KeyDataType;
import org.mbmskeys.mbms.mikey.KvInterval;
import org.mbmskeys.mbms.mikey.KvNull;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.KemacMac;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;

/**
 * One MSK message and one MTK message in the project profile, with their keys, built from a fixed seed so
 * every run measures the same bytes. The sizes the raw-crypto benchmarks use are read off the sealed
 * messages, so "raw" and "seal" always work on the same lengths.
 *
 * <p>MSK message: MUK 32 bytes (a 256-bit Ks_int_NAF), MSK 16 bytes as TGK with a KV interval, IDi a NAF
 * FQDN, IDr a B-TID, V bit set. MTK message: MSK 16 bytes as PSK, MTK 16 bytes plus a 14-byte salt
 * (TEK+SALT), RAND present.
 */
final class MbmsFixture {

    private static final long SEED = 0x33246L;

    static final KeyDomainId KEY_DOMAIN = KeyDomainId.parse("001-01");
    /** A fixed CSB ID for both messages (a BM-SC picks a random one per message, TS 33.246 §6.4.2). */
    static final CsbId CSB_ID = CsbId.of(0xc5b1d001);
    static final String IDI = "bmsc.example.org";
    static final String IDR = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";

    final SecretBytes muk;
    final SecretBytes msk;
    final MskDelivery mskDelivery;
    final MtkDelivery mtkDelivery;
    final int csbId;
    final TimestampCounter mskCounter;
    final TimestampCounter mtkCounter;
    final Bytes mskRand;
    final Bytes mtkRand;

    /** Sealed with the JCA suite; both suites give the same bytes (SuiteEquivalenceTest). */
    final Bytes mskMessage;
    final Bytes mtkMessage;
    /** KEMAC plaintext (the Key data sub-payload chain), exactly what the sealer encrypts. */
    final byte[] mskPlaintext;
    final byte[] mtkPlaintext;

    MbmsFixture() {
        SplittableRandom random = new SplittableRandom(SEED);
        muk = SecretBytes.wrap(bytes(random, 32));
        msk = SecretBytes.wrap(bytes(random, 16));
        SecretBytes mtk = SecretBytes.wrap(bytes(random, 16));
        SecretBytes mtkSalt = SecretBytes.wrap(bytes(random, 14));
        mskRand = Bytes.wrap(bytes(random, 16));
        bytes(random, 16); // was a RAND of its own for the MTK message; kept so that later draws stay the same
        mtkRand = mskRand; // MTK messages carry no RAND; their keys come from the MSK's (TS 33.246 §6.5.4)
        mskCounter = TimestampCounter.of(1000);
        mtkCounter = TimestampCounter.of(2000);
        MskId mskId = MskId.parseHex("00010002");
        KeyValidity validity = KeyValidity.of(1, 100);

        mskDelivery = MskDelivery.delivery(CSB_ID, KEY_DOMAIN, mskId, msk, validity, mskCounter, mskRand, IDI, IDR, true);
        mtkDelivery = MtkDelivery.streaming(CSB_ID, KEY_DOMAIN, mskId, MtkId.of(7), mtk, mtkSalt, mtkCounter, mskRand);
        csbId = CSB_ID.value();

        MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
        mskMessage = sealer.seal(mskDelivery, muk);
        mtkMessage = sealer.seal(mtkDelivery, msk);
        mskPlaintext = KeyDataCodec.encode(List.of(KeyData.of(KeyDataType.TEK, msk, KvInterval.of(validity))))
                .copyBytes();
        mtkPlaintext = KeyDataCodec.encode(List.of(KeyData.withSalt(KeyDataType.TEK_SALT, mtk, mtkSalt,
                KvNull.INSTANCE))).copyBytes();
        checkSameShape(mskMessage, mskPlaintext, "MSK");
        checkSameShape(mtkMessage, mtkPlaintext, "MTK");
    }

    /** Bytes the KEMAC MAC covers: the whole message without its trailing MAC. */
    static int macInputLength(Bytes message) {
        return message.length() - KemacMac.LENGTH;
    }

    static CryptoSuite suite(String name) {
        return switch (name) {
            case "jca" -> CryptoSuite.jca();
            case "bc" -> CryptoSuite.bouncyCastle();
            default -> throw new IllegalArgumentException("suite must be jca or bc, got '" + name + "'");
        };
    }

    /** The raw benchmarks must encrypt as many bytes as the sealer does, or the ratio means nothing. */
    private static void checkSameShape(Bytes message, byte[] plaintext, String what) {
        DecodedMikey decoded = MikeyCodec.decode(message);
        KemacPayload kemac = (KemacPayload) decoded.message().last().orElseThrow();
        if (kemac.encryptedKeyData().length() != plaintext.length) {
            throw new IllegalStateException(what + " fixture: KEMAC Encr data is " + kemac.encryptedKeyData().length()
                    + " bytes but the raw benchmark plaintext is " + plaintext.length);
        }
        int sent = decoded.message().header().csbId().value();
        if (sent != CSB_ID.value()) {
            throw new IllegalStateException(what + " fixture: CSB ID " + sent + " differs from the fixture's " + CSB_ID);
        }
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
