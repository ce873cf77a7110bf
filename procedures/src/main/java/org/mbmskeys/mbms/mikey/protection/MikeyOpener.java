package org.mbmskeys.mbms.mikey.protection;

import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.BAD_MAC;
import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.MALFORMED;
import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.NOT_IN_PROFILE;
import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.UNEXPECTED_MESSAGE;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataCodec;
import org.mbmskeys.mbms.mikey.MikeyDecodeException;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.KemacCipher;
import org.mbmskeys.mbms.mikey.crypto.KemacKeys;
import org.mbmskeys.mbms.mikey.crypto.KemacMac;
import org.mbmskeys.mbms.mikey.crypto.MikeyPrf;
import org.mbmskeys.mbms.mikey.crypto.PrfInput;
import org.mbmskeys.mbms.mikey.crypto.VerificationMac;

/**
 * Authenticates and opens inbound MBMS MIKEY messages (the MGV-F steps of TS 33.246 §6.5): the MAC is
 * checked over the <em>received</em> bytes, in constant time, before anything is decrypted; then the
 * KEMAC key data is decrypted and checked against the profile. Results are typed; no input makes it
 * throw.
 *
 * <p>Replay counters and key-store rules are the caller's: check the counter with the key store before
 * opening, and commit it after (TS 33.246 §6.4.6).
 *
 * <p>Thread-safe; one instance can serve every UE.
 */
public final class MikeyOpener {

    private final CryptoSuite suite;
    private final MikeyPrf prf;

    public MikeyOpener(CryptoSuite suite) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.prf = MikeyPrf.mikey1(suite);
    }

    /** An opener on the JCA suite (the fast default). */
    public static MikeyOpener jca() {
        return new MikeyOpener(CryptoSuite.jca());
    }

    /** Opens an MSK message with the MUK its IDi ‖ IDr name. */
    public OpenResult<OpenedMsk> open(MskMessage message, SecretBytes muk) {
        KemacKeys keys = KemacKeys.derive(suite, muk, message.csbId().value(), message.rand());
        try {
            if (!kemacMacVerifies(message.decoded(), keys.authenticationKey())) {
                return OpenResult.rejected(BAD_MAC, "KEMAC MAC of MSK message " + message.keyDomain() + "/"
                        + message.mskId() + " (counter " + message.counter() + ") does not verify with the MUK of "
                        + ids(message));
            }
            OpenResult<KeyData> key = singleKeyData(message.decoded(), keys, message.csbId().value(), message);
            if (key instanceof OpenResult.Rejected<KeyData> r) {
                return r.cast();
            }
            KeyData k = key.orElseThrow();
            String problem = MbmsKeyData.mskProblem(k);
            if (problem != null) {
                discard(k);
                return OpenResult.rejected(NOT_IN_PROFILE, problem);
            }
            Optional<SecretBytes> msk = k.key().isEmpty() ? Optional.empty() : Optional.of(k.key());
            return OpenResult.opened(new OpenedMsk(message, msk, MbmsKeyData.validity(k)));
        } finally {
            keys.destroy();
        }
    }

    /**
     * Opens an MTK message with the MSK it names, the MIKEY-RAND stored with that MSK (TS 33.246 §6.5.4: an
     * MTK message carries none, §6.4.5.3 NOTE) and the MSK's service type, which fixes the MTK's Key data
     * type (§6.4.5.3: TEK+SALT for streaming, TGK for download). A message that does carry a RAND and fails the MAC
     * with the stored one is tried once more with its own (review finding F14: senders before CR 0168).
     */
    public OpenResult<OpenedMtk> open(MtkMessage message, SecretBytes msk, Bytes mskRand, ServiceType service) {
        Objects.requireNonNull(mskRand, "mskRand");
        Objects.requireNonNull(service, "service");
        OpenResult<OpenedMtk> opened = openWith(message, msk, mskRand, service);
        if (opened instanceof OpenResult.Rejected<OpenedMtk> r && r.reason() == BAD_MAC) {
            // A sender older than CR 0168 (2012) put a RAND in each MTK message and derived its keys from it; since
            // then the MSK's RAND is used and an MTK message carries none (§6.4.5.3 NOTE, §6.5.4). The MAC under the
            // MSK still decides: the RAND only chooses which derivation to check.
            Optional<Bytes> carried = carriedRand(message);
            if (carried.isPresent() && !carried.get().equals(mskRand)) {
                OpenResult<OpenedMtk> legacy = openWith(message, msk, carried.get(), service);
                if (legacy instanceof OpenResult.Opened<OpenedMtk>) {
                    return legacy;   // otherwise the stored RAND's verdict is the one reported
                }
            }
        }
        return opened;
    }

    private static Optional<Bytes> carriedRand(MtkMessage message) {
        return message.decoded().message().findAll(RandPayload.class).stream().map(RandPayload::rand).findFirst();
    }

    private OpenResult<OpenedMtk> openWith(MtkMessage message, SecretBytes msk, Bytes rand, ServiceType service) {
        KemacKeys keys = KemacKeys.derive(suite, msk, message.csbId().value(), rand);
        try {
            if (!kemacMacVerifies(message.decoded(), keys.authenticationKey())) {
                return OpenResult.rejected(BAD_MAC, "KEMAC MAC of MTK message " + message.mtkId() + " under MSK "
                        + message.keyDomain() + "/" + message.mskId() + " (counter " + message.counter()
                        + ") does not verify");
            }
            OpenResult<KeyData> key = singleKeyData(message.decoded(), keys, message.csbId().value(), message);
            if (key instanceof OpenResult.Rejected<KeyData> r) {
                return r.cast();
            }
            KeyData k = key.orElseThrow();
            String problem = MbmsKeyData.mtkProblem(k, service);
            if (problem != null) {
                discard(k);
                return OpenResult.rejected(NOT_IN_PROFILE, problem);
            }
            return OpenResult.opened(new OpenedMtk(message, k.key(), k.salt()));
        } finally {
            keys.destroy();
        }
    }

    /** Verifies a solicited pull with the MUK its IDi ‖ IDr name (possibly the last used, older MUK). */
    public OpenResult<SolicitedPullMessage> verify(SolicitedPullMessage message, SecretBytes muk) {
        SecretBytes authKey = prf.derive(PrfInput.kemacAuthenticationKey(muk, message.csbId().value(), message.rand()));
        try {
            if (!kemacMacVerifies(message.decoded(), authKey)) {
                return OpenResult.rejected(BAD_MAC, "KEMAC MAC of solicited pull for Key Group " + message.keyGroup()
                        + " (counter " + message.counter() + ") does not verify with the MUK of " + ids(message));
            }
            return OpenResult.opened(message);
        } finally {
            authKey.destroy();
        }
    }

    /**
     * Verifies a UE's verification message against the MSK message it should answer, with the MUK that
     * protected that MSK message. The MAC may cover its input under any of the four readings of
     * {@link org.mbmskeys.mbms.mikey.crypto.VerificationMacInput.Reading} (U16).
     */
    public OpenResult<VerificationMessage> verify(VerificationMessage ack, AckExpectation expected, SecretBytes muk) {
        if (!ack.csbId().equals(expected.csbId()) || !ack.counter().equals(expected.counter())
                || !ack.idr().data().equals(expected.idr())) {
            return OpenResult.rejected(UNEXPECTED_MESSAGE, "verification message (CSB ID " + ack.csbId() + ", counter "
                    + ack.counter() + ") does not answer the MSK message with CSB ID " + expected.csbId()
                    + " and counter " + expected.counter() + " to that IDr");
        }
        SecretBytes authKey = prf.derive(PrfInput.kemacAuthenticationKey(muk, expected.csbId().value(), expected.rand()));
        try {
            Bytes ackWithoutMac = ack.decoded().macInput().orElseThrow();
            Bytes mac = ack.decoded().receivedMac().orElseThrow();
            if (!VerificationMac.verify(suite, authKey, ackWithoutMac, expected.idi(), expected.idr(), expected.counter(), mac)) {
                return OpenResult.rejected(BAD_MAC, "verification MAC for counter " + ack.counter() + " does not verify");
            }
            return OpenResult.opened(ack);
        } finally {
            authKey.destroy();
        }
    }

    /**
     * The KEMAC MAC over the bytes exactly as received. One copy of them serves as both MAC input and MAC:
     * {@code macInput()} and {@code receivedMac()} would each copy a slice, and the {@code Bytes} form of
     * {@code KemacMac.verify} would copy both again.
     */
    private boolean kemacMacVerifies(DecodedMikey decoded, SecretBytes authKey) {
        byte[] received = decoded.received().toByteArray();
        int macAt = decoded.macOffset().orElseThrow();
        return KemacMac.verify(suite, authKey, received, 0, macAt, Arrays.copyOfRange(received, macAt, received.length));
    }

    /** Decrypts the KEMAC (only ever after the MAC verified) and expects exactly one Key data sub-payload. */
    private OpenResult<KeyData> singleKeyData(DecodedMikey decoded, KemacKeys keys, int csbId, InboundMikey message) {
        KemacPayload kemac = (KemacPayload) decoded.message().last().orElseThrow();
        byte[] plaintext = KemacCipher.decrypt(suite, keys, csbId, message.counter(),
                kemac.encryptedKeyData().toByteArray());
        SecretBytes secret = SecretBytes.wrap(plaintext);
        List<KeyData> keyData;
        try {
            keyData = KeyDataCodec.decode(secret);
        } catch (MikeyDecodeException e) {
            // The MAC verified, so the sender built this: a profile mismatch, not tampering.
            return OpenResult.rejected(MALFORMED, "KEMAC key data: " + e.getMessage());
        } finally {
            secret.destroy();   // zeroes plaintext, which it wraps
        }
        if (keyData.size() != 1) {
            keyData.forEach(MikeyOpener::discard);
            return OpenResult.rejected(NOT_IN_PROFILE, "KEMAC carries " + keyData.size()
                    + " Key data sub-payloads; an MBMS message carries one key");
        }
        return OpenResult.opened(keyData.get(0));
    }

    /**
     * Wipes a decrypted Key data sub-payload that is refused: its key and, whatever its type (an MSK
     * message may wrongly carry TEK+SALT), its salt.
     */
    static void discard(KeyData k) {
        k.key().destroy();
        k.salt().ifPresent(SecretBytes::destroy);
    }

    private static String ids(MskMessage m) {
        return "IDi " + text(m.idi().data()) + ", IDr " + text(m.idr().data());
    }

    private static String ids(SolicitedPullMessage m) {
        return "IDi " + text(m.idi().data()) + ", IDr " + text(m.idr().data());
    }

    private static String text(Bytes data) {
        return new String(data.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
