package org.mbmskeys.mbms.mikey.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.EncryptionAlgorithm;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataCodec;
import org.mbmskeys.mbms.mikey.KeyIdExtension;
import org.mbmskeys.mbms.mikey.MacAlgorithm;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.MikeyPayload;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.TimestampPayload;
import org.mbmskeys.mbms.mikey.TimestampType;
import org.mbmskeys.mbms.mikey.VerificationPayload;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.KemacCipher;
import org.mbmskeys.mbms.mikey.crypto.KemacKeys;
import org.mbmskeys.mbms.mikey.crypto.KemacMac;
import org.mbmskeys.mbms.mikey.crypto.MikeyPrf;
import org.mbmskeys.mbms.mikey.crypto.PrfInput;
import org.mbmskeys.mbms.mikey.crypto.VerificationMac;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * Builds protected MBMS MIKEY messages (TS 33.246 §6.4.5): the BM-SC's MSK, MTK and solicited-pull
 * messages and the UE's verification message. The key data is encrypted with AES-CM-128, the whole message
 * up to the MAC field is encoded, then the HMAC-SHA-1-160 MAC is computed over those exact bytes and
 * written in place (RFC 3830 §5.2: encrypt, then MAC).
 *
 * <p>Payloads, in the order written: MSK message HDR, EXT, T, RAND, IDi, IDr, [SP (streaming)], KEMAC;
 * solicited pull HDR, EXT, T, RAND, IDi, IDr, KEMAC;
 * MTK message HDR, EXT, T, KEMAC (no RAND, §6.4.5.3 NOTE); verification message HDR, T, IDr, V
 * (§6.4.5.2). Receivers accept any order after HDR. Thread-safe.
 */
@Unconfirmed("U3: payload order (Figures 6.5-6.7 lost); the set is TS 33.246 §6.4.5.x")
public final class MikeySealer {

    private static final byte[] NO_KEY = new byte[0];

    private final CryptoSuite suite;
    private final MikeyPrf prf;

    public MikeySealer(CryptoSuite suite) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.prf = MikeyPrf.mikey1(suite);
    }

    /** A sealer on the JCA suite (the fast default). */
    public static MikeySealer jca() {
        return new MikeySealer(CryptoSuite.jca());
    }

    /** An MSK message protected with the UE's MUK (TS 33.246 §6.3.2.3, §6.4.5.1). */
    public Bytes seal(MskDelivery d, SecretBytes muk) {
        CommonHeader hdr = d.streaming()
                .map(s -> CommonHeader.mbmsStreaming(d.askForVerification(), d.csbId(), s.srtpCs()))
                .orElseGet(() -> CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, d.askForVerification(), d.csbId()));
        List<MikeyPayload> payloads = new ArrayList<>(6);
        payloads.add(KeyIdExtension.forMsk(d.keyDomain(), d.mskId()).toPayload());
        payloads.add(counter(d.counter()));
        payloads.add(new RandPayload(d.rand()));
        payloads.add(IdPolicy.initiator(d.idi()));
        payloads.add(IdPolicy.responder(d.idr()));
        d.streaming().ifPresent(s -> payloads.add(s.policy()));
        if (d.msk().isPresent()) {
            return seal(hdr, payloads, List.of(MbmsKeyData.msk(d.msk().get(), d.validity())), muk, d.rand(), d.counter());
        }
        KeyData validityOnly = MbmsKeyData.validityOnly(d.validity());
        try {
            return seal(hdr, payloads, List.of(validityOnly), muk, d.rand(), d.counter());
        } finally {
            validityOnly.key().destroy();   // the sealer's own (empty) key, unlike the caller's MSK
        }
    }

    /**
     * An MTK message protected with the MSK (TS 33.246 §6.3.3, §6.4.5.3); the V bit is never set. No RAND
     * payload: the KEMAC keys come from the MSK's stored MIKEY-RAND (§6.5.4).
     */
    public Bytes seal(MtkDelivery d, SecretBytes msk) {
        CommonHeader hdr = CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false, d.csbId());
        List<MikeyPayload> payloads = List.of(
                KeyIdExtension.forMtk(d.keyDomain(), d.mskId(), d.mtkId()).toPayload(),
                counter(d.counter()));
        KeyData key = MbmsKeyData.mtk(d.service(), d.mtk(), d.salt());
        return seal(hdr, payloads, List.of(key), msk, d.mskRand(), d.counter());
    }

    /**
     * A solicited pull protected with the last MUK the BM-SC knows for the UE (TS 33.246 §6.3.2.2.4):
     * Key Number 0, KEMAC without key data, V bit never set.
     */
    @Unconfirmed("U13: the solicited pull carries a RAND like every MSK message (§6.4.5.1); its figure is lost")
    public Bytes seal(SolicitedPull p, SecretBytes lastKnownMuk) {
        CommonHeader hdr = CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false, p.csbId());
        List<MikeyPayload> payloads = List.of(
                KeyIdExtension.forMsk(p.keyDomain(), MskId.current(p.keyGroup())).toPayload(),
                counter(p.counter()),
                new RandPayload(p.rand()),
                IdPolicy.initiator(p.idi()),
                IdPolicy.responder(p.idr()));
        return seal(hdr, payloads, List.of(), lastKnownMuk, p.rand(), p.counter());
    }

    /**
     * The UE's verification message for an MSK message it opened with the V bit set: HDR (PSK
     * verification, same CSB ID), T (the MSK message's counter), IDr, V.
     */
    public Bytes acknowledge(OpenedMsk opened, SecretBytes muk) {
        MskMessage m = opened.message();
        CommonHeader hdr = CommonHeader.mbmsEmptyMap(DataType.PSK_VERIFY, false, m.csbId());
        // IDr of type NAI whatever type the MSK message's IDr had (§6.4.5.2); its data, which names the MUK, as received
        IdPayload idr = m.idr().idType().equals(IdPolicy.ID_TYPE) ? m.idr() : new IdPayload(IdPolicy.ID_TYPE, m.idr().data());
        MikeyMessage ack = new MikeyMessage(hdr, List.of(counter(m.counter()), idr,
                new VerificationPayload(MacAlgorithm.HMAC_SHA1_160, Bytes.wrap(new byte[VerificationMac.LENGTH]))));
        byte[] out = MikeyCodec.encode(ack).toByteArray();
        int macAt = out.length - VerificationMac.LENGTH;
        SecretBytes authKey = prf.derive(PrfInput.kemacAuthenticationKey(muk, m.csbId().value(), m.rand()));
        try {
            Bytes mac = VerificationMac.compute(suite, authKey, Bytes.of(out, 0, macAt), m.idi().data(), m.idr().data(),
                    m.counter());
            mac.copyTo(out, macAt);
        } finally {
            authKey.destroy();
        }
        return Bytes.wrap(out);
    }

    private Bytes seal(CommonHeader hdr, List<MikeyPayload> payloads, List<KeyData> keys, SecretBytes psk, Bytes rand,
                       TimestampCounter counter) {
        KemacKeys kemacKeys = KemacKeys.derive(suite, psk, hdr.csbId().value(), rand);
        SecretBytes encoded = keys.isEmpty() ? null : KeyDataCodec.encode(keys);
        byte[] plaintext = encoded == null ? NO_KEY : encoded.unsafeArray();
        try {
            byte[] encrypted = KemacCipher.encrypt(suite, kemacKeys, hdr.csbId().value(), counter, plaintext);
            List<MikeyPayload> all = new ArrayList<>(payloads.size() + 1);
            all.addAll(payloads);
            all.add(new KemacPayload(EncryptionAlgorithm.AES_CM_128, Bytes.wrap(encrypted), MacAlgorithm.HMAC_SHA1_160,
                    Bytes.wrap(new byte[KemacMac.LENGTH])));
            byte[] out = MikeyCodec.encode(new MikeyMessage(hdr, all)).toByteArray();
            int macAt = out.length - KemacMac.LENGTH;
            byte[] mac = KemacMac.compute(suite, kemacKeys.authenticationKey(), out, 0, macAt);
            System.arraycopy(mac, 0, out, macAt, mac.length);
            return Bytes.wrap(out);
        } finally {
            if (encoded != null) {
                encoded.destroy();   // zeroes plaintext, which it wraps
            }
            kemacKeys.destroy();
        }
    }

    private static TimestampPayload counter(TimestampCounter c) {
        return new TimestampPayload(TimestampType.COUNTER, c.value());
    }
}
