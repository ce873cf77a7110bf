package org.mbmskeys.mbms.mikey.protection;

import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.MALFORMED;
import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.NOT_IN_PROFILE;
import static org.mbmskeys.mbms.mikey.protection.MikeyRejection.UNSUPPORTED_ALGORITHM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.CsIdMapType;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.EncryptionAlgorithm;
import org.mbmskeys.mbms.mikey.GeneralExtensionPayload;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyIdExtension;
import org.mbmskeys.mbms.mikey.KeyIdType;
import org.mbmskeys.mbms.mikey.MacAlgorithm;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyDecodeException;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.PrfFunction;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.TimestampPayload;
import org.mbmskeys.mbms.mikey.TimestampType;
import org.mbmskeys.mbms.mikey.VerificationPayload;

/**
 * Decodes inbound bytes and tells which MBMS message they are (TS 33.246 §6.4.6): MSK message, solicited
 * pull, MTK message or verification message, with the identities and counter the receiver needs to pick
 * the key and check freshness. Nothing is authenticated here; see {@link MikeyOpener}.
 *
 * <p>Receivers follow the payload chain and accept any order after HDR (KEMAC last, which the codec
 * enforces). Unknown General Extension types and unknown Key ID Types are ignored. Never throws for any input.
 *
 * <pre>{@code
 * OpenResult<InboundMikey> read = MikeyReader.read(datagram);
 * if (read instanceof OpenResult.Opened<InboundMikey> o && o.value() instanceof MtkMessage mtk) { ... }
 * }</pre>
 */
public final class MikeyReader {

    private MikeyReader() {
    }

    /** Decodes and classifies {@code received}. */
    public static OpenResult<InboundMikey> read(Bytes received) {
        DecodedMikey decoded;
        try {
            decoded = MikeyCodec.decode(received);
        } catch (MikeyDecodeException e) {
            return OpenResult.rejected(MALFORMED, e.getMessage());
        }
        return classify(decoded);
    }

    /** Classifies an already decoded message. */
    public static OpenResult<InboundMikey> classify(DecodedMikey decoded) {
        try {
            return OpenResult.opened(new Classification(decoded).run());
        } catch (MikeyDecodeException e) { // a Key ID extension whose sub-payloads do not fill it
            return OpenResult.rejected(MALFORMED, e.getMessage());
        } catch (Refusal r) {
            return OpenResult.rejected(r.reason, r.getMessage());
        }
    }

    /** Ends classification with a rejection; never leaves this class. */
    private static final class Refusal extends RuntimeException {
        final MikeyRejection reason;

        Refusal(MikeyRejection reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private static final class Classification {
        private final DecodedMikey decoded;
        private final MikeyMessage message;
        private final CommonHeader header;

        Classification(DecodedMikey decoded) {
            this.decoded = decoded;
            this.message = decoded.message();
            this.header = message.header();
        }

        InboundMikey run() {
            if (!header.prfFunction().equals(PrfFunction.MIKEY_1)) {
                throw new Refusal(UNSUPPORTED_ALGORITHM, "HDR PRF func " + header.prfFunction() + "; MBMS uses MIKEY-1");
            }
            TimestampCounter counter = counter();
            ServiceType service = serviceType();
            List<SecurityPolicyPayload> policies = message.findAll(SecurityPolicyPayload.class);
            if (header.dataType() == DataType.PSK_VERIFY) {
                requireEmptyMap(service, policies, "a verification message (TS 33.246 §6.4.5.2)");
                return verification(counter);
            }
            if (header.dataType() != DataType.PSK_INIT) {
                throw new Refusal(NOT_IN_PROFILE, "HDR data type " + header.dataType()
                        + "; MBMS key delivery uses PSK init (0) and PSK verification (1)");
            }
            KemacPayload kemac = kemac();
            KeyIds ids = keyIds();
            if (ids.mtk.isPresent()) {
                requireEmptyMap(service, policies, "an MTK message (TS 33.246 §6.4.5.3)");
                return mtkMessage(counter, ids.keyDomain, ids.msk, ids.mtk.get(), kemac);
            }
            IdPayload[] idiIdr = idiAndIdr();
            MskId mskId = ids.msk;
            if (mskId.isCurrentMarker()) {
                if (!kemac.isKeyless() || header.vFlag()) {
                    throw new Refusal(NOT_IN_PROFILE, "Key Number 0 marks a solicited pull, which carries no key "
                            + "and never sets the V bit (TS 33.246 §6.3.2.2.4)");
                }
                // Either map: §6.3.2.2.4 fixes the pull's key data but not its header, and a BM-SC that writes it
                // like a streaming MSK message (§6.4.5.1: #CS 1 with the SRTP-ID map, and the SP that is optional
                // there) is as right. The SP is read and left unused: a pull delivers no key for it to govern. With
                // the Empty map there is none (RFC 4563 §5: it MUST NOT be there).
                if (service == ServiceType.DOWNLOAD) {
                    requireNoPolicy(policies, "a solicited pull with the Empty map (RFC 4563 §5)");
                }
                // U13: whether a pull carries RAND is open; without one, the PRF labels have no RAND.
                return new SolicitedPullMessage(decoded, header.csbId(), ids.keyDomain, mskId.keyGroup(), counter,
                        rand().orElse(Bytes.empty()), idiIdr[0], idiIdr[1]);
            }
            Bytes rand = rand().orElseThrow(() -> new Refusal(NOT_IN_PROFILE,
                    "MSK message without RAND; TS 33.246 §6.4.5.1 puts one in every MSK message"));
            if (kemac.isKeyless()) {
                throw new Refusal(NOT_IN_PROFILE, "MSK message " + mskId + " has no key data; only a solicited pull "
                        + "(Key Number 0) has an empty KEMAC");
            }
            Optional<SecurityPolicyPayload> policy = mskPolicy(service, policies);
            Optional<SrtpCsEntry> entry = service == ServiceType.STREAMING
                    ? Optional.of(header.srtpCsEntries().get(0)) : Optional.empty();
            return new MskMessage(decoded, header.csbId(), ids.keyDomain, mskId, counter, rand, idiIdr[0], idiIdr[1],
                    header.vFlag(), service, entry, policy);
        }

        /**
         * The service type the header announces (TS 33.246 §6.4.5.1): #CS 0 with the Empty map for download
         * (and for every message other than a streaming MSK message), #CS 1 with the SRTP-ID map for streaming.
         * #CS 0 with the SRTP-ID map type is read as the Empty map: it carries no entry either, and senders
         * written before RFC 4563 defined the Empty map (Rel-6) used it.
         */
        private ServiceType serviceType() {
            if (header.csCount() == 0 && (header.csIdMapType().equals(CsIdMapType.EMPTY_MAP)
                    || header.csIdMapType().equals(CsIdMapType.SRTP_ID))) {
                return ServiceType.DOWNLOAD;
            }
            if (header.csIdMapType().equals(CsIdMapType.SRTP_ID) && header.csCount() == 1) {
                return ServiceType.STREAMING;
            }
            throw new Refusal(NOT_IN_PROFILE, "HDR #CS " + header.csCount() + " with CS ID map type "
                    + header.csIdMapType() + "; TS 33.246 §6.4.5.1 uses #CS 0 with the Empty map (download) or #CS 1 "
                    + "with the SRTP-ID map (streaming)");
        }

        private static void requireEmptyMap(ServiceType service, List<SecurityPolicyPayload> policies, String what) {
            if (service != ServiceType.DOWNLOAD) {
                throw new Refusal(NOT_IN_PROFILE, "SRTP-ID map in " + what + ", which uses #CS 0 with the Empty map");
            }
            requireNoPolicy(policies, what);
        }

        private static boolean isAllZero(Bytes value) {
            for (int i = 0; i < value.length(); i++) {
                if (value.u8(i) != 0) {
                    return false;
                }
            }
            return true;
        }

        private static void requireNoPolicy(List<SecurityPolicyPayload> policies, String what) {
            if (!policies.isEmpty()) {
                throw new Refusal(NOT_IN_PROFILE, "SP payload in " + what + ", which carries none");
            }
        }

        /**
         * The SP of an MSK message: none with the Empty map (RFC 4563 §5: it MUST NOT be there); for
         * streaming at most one, an SRTP policy with the map entry's Policy_no (RFC 3830 §6.1.1, §6.10).
         */
        private Optional<SecurityPolicyPayload> mskPolicy(ServiceType service, List<SecurityPolicyPayload> policies) {
            if (policies.isEmpty()) {
                return Optional.empty();
            }
            if (service == ServiceType.DOWNLOAD) {
                throw new Refusal(NOT_IN_PROFILE, "SP payload with the Empty map; RFC 4563 §5 says it MUST NOT be "
                        + "there (a download MSK message has no SP, TS 33.246 §6.4.5.1)");
            }
            if (policies.size() > 1) {
                throw new Refusal(NOT_IN_PROFILE, policies.size() + " SP payloads; a streaming MSK message has one "
                        + "crypto session and one policy");
            }
            SecurityPolicyPayload sp = policies.get(0);
            if (!sp.protType().equals(ProtocolType.SRTP)) {
                throw new Refusal(NOT_IN_PROFILE, "SP of Prot type " + sp.protType() + "; a streaming MSK message "
                        + "carries an SRTP policy (TS 33.246 §6.4.5.1)");
            }
            for (SpParameter p : sp.parameters()) {
                if (p.type() == MbmsSrtpPolicy.KEY_DERIVATION_RATE && !isAllZero(p.value())) {
                    throw new Refusal(NOT_IN_PROFILE, "SP key derivation rate " + p.value().toHex() + "; TS 33.246 "
                            + "§6.4.5.1 uses 0 (Annex K: the ME needs no other rate)");
                }
            }
            int entryPolicy = header.srtpCsEntries().get(0).policyNo();
            if (sp.policyNo() != entryPolicy) {
                throw new Refusal(NOT_IN_PROFILE, "SP Policy no " + sp.policyNo() + " is not the SRTP-ID map "
                        + "entry's Policy_no " + entryPolicy);
            }
            return Optional.of(sp);
        }

        /** The Key IDs of a key message, in the one Key ID extension it carries. */
        private record KeyIds(KeyDomainId keyDomain, MskId msk, Optional<MtkId> mtk) {
        }

        /**
         * The Key ID extension (TS 33.246 §6.4.4; RFC 4563 §4): exactly one EXT of type Key ID, holding the
         * Key Domain ID, the MSK ID and, in an MTK message, the MTK ID, each once and of its width, in any
         * order; sub-payloads of other Key ID Types are skipped.
         */
        private KeyIds keyIds() {
            KeyIdExtension found = null;
            for (GeneralExtensionPayload ext : message.findAll(GeneralExtensionPayload.class)) {
                Optional<KeyIdExtension> keyIds = KeyIdExtension.from(ext);
                if (keyIds.isPresent()) {
                    if (found != null) {
                        throw new Refusal(NOT_IN_PROFILE, "more than one Key ID extension; TS 33.246 §6.4.4 puts all "
                                + "Key IDs in one");
                    }
                    found = keyIds.get();
                }
            }
            if (found == null) {
                throw new Refusal(NOT_IN_PROFILE, "no Key ID extension; every MBMS key message names its Key Domain "
                        + "and MSK (TS 33.246 §6.4.4)");
            }
            Bytes domainOctets = single(found, KeyIdType.KEY_DOMAIN, KeyIdExtension.KEY_DOMAIN_LENGTH, "Key Domain ID")
                    .orElseThrow(() -> new Refusal(NOT_IN_PROFILE, "no Key Domain ID in the Key ID extension "
                            + "(TS 33.246 §6.4.4)"));
            // any 3 octets: §6.3.2.1 names no packing (U2), and the UE only matches them with its announcement's
            KeyDomainId keyDomain = KeyDomainId.fromOctets(domainOctets);
            MskId msk = MskId.fromBytes(single(found, KeyIdType.MSK, KeyIdExtension.MSK_ID_LENGTH, "MSK ID")
                    .orElseThrow(() -> new Refusal(NOT_IN_PROFILE, "no MSK ID in the Key ID extension; every MBMS "
                            + "key message names its MSK (TS 33.246 §6.4.4)")));
            if (msk.keyGroup().isReserved()) {
                throw new Refusal(NOT_IN_PROFILE, "MSK ID " + msk + " is in Key Group 0, which TS 33.246 §6.3.2.1 "
                        + "does not allow");
            }
            Optional<MtkId> mtk = single(found, KeyIdType.MTK, MtkId.BYTES, "MTK ID").map(MtkId::fromBytes);
            return new KeyIds(keyDomain, msk, mtk);
        }

        private static Optional<Bytes> single(KeyIdExtension ext, KeyIdType type, int width, String what) {
            List<Bytes> ids = ext.ids(type);
            if (ids.size() > 1) {
                throw new Refusal(NOT_IN_PROFILE, "more than one " + what + " in the Key ID extension");
            }
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            if (ids.get(0).length() != width) {
                throw new Refusal(NOT_IN_PROFILE, what + " of " + ids.get(0).length() + " bytes; TS 33.246 §6.4.4 "
                        + "makes it " + width);
            }
            return Optional.of(ids.get(0));
        }

        /**
         * An MTK message (TS 33.246 §6.4.5.3). A RAND payload, which a conforming BM-SC does not send, is
         * tolerated (the MAC covers it): the MTK's KEMAC keys come from the MSK's RAND, and only a message whose MAC
         * fails with that one is tried with the RAND it carries ({@link MikeyOpener}, senders before CR 0168).
         */
        private InboundMikey mtkMessage(TimestampCounter counter, KeyDomainId keyDomain, MskId mskId, MtkId mtkId,
                                        KemacPayload kemac) {
            if (header.vFlag()) {
                throw new Refusal(NOT_IN_PROFILE, "MTK message with the V bit set; MTK messages are never "
                        + "acknowledged (TS 33.246 §6.3.3.2)");
            }
            if (mskId.isCurrentMarker()) {
                throw new Refusal(NOT_IN_PROFILE, "MTK message names MSK " + mskId + " with Key Number 0");
            }
            if (kemac.isKeyless()) {
                throw new Refusal(NOT_IN_PROFILE, "MTK message without key data");
            }
            rand(); // at most one, like everywhere
            return new MtkMessage(decoded, header.csbId(), keyDomain, mskId, mtkId, counter);
        }

        private InboundMikey verification(TimestampCounter counter) {
            if (!(message.last().orElse(null) instanceof VerificationPayload v)) {
                throw new Refusal(NOT_IN_PROFILE, "verification message does not end with a V payload");
            }
            if (!v.macAlgorithm().equals(MacAlgorithm.HMAC_SHA1_160)) {
                throw new Refusal(UNSUPPORTED_ALGORITHM, "V auth alg " + v.macAlgorithm() + "; the profile uses HMAC-SHA-1-160");
            }
            List<IdPayload> ids = message.findAll(IdPayload.class);
            if (ids.size() != 1) {
                throw new Refusal(NOT_IN_PROFILE, "verification message has " + ids.size() + " ID payloads; expected IDr only");
            }
            return new VerificationMessage(decoded, header.csbId(), counter, ids.get(0));
        }

        private TimestampCounter counter() {
            List<TimestampPayload> ts = message.findAll(TimestampPayload.class);
            if (ts.size() != 1) {
                throw new Refusal(NOT_IN_PROFILE, "expected one T payload, found " + ts.size());
            }
            TimestampPayload t = ts.get(0);
            if (t.tsType() != TimestampType.COUNTER) {
                throw new Refusal(UNSUPPORTED_ALGORITHM, "T payload of type " + t.tsType()
                        + "; MBMS replay protection uses COUNTER");
            }
            return TimestampCounter.of(t.value());
        }

        private KemacPayload kemac() {
            if (!(message.last().orElse(null) instanceof KemacPayload k)) {
                throw new Refusal(NOT_IN_PROFILE, "MBMS key message does not end with KEMAC");
            }
            if (!k.encryption().equals(EncryptionAlgorithm.AES_CM_128)) {
                throw new Refusal(UNSUPPORTED_ALGORITHM, "KEMAC Encr alg " + k.encryption() + "; the profile uses AES-CM-128");
            }
            if (!k.macAlgorithm().equals(MacAlgorithm.HMAC_SHA1_160)) {
                throw new Refusal(UNSUPPORTED_ALGORITHM, "KEMAC MAC alg " + k.macAlgorithm() + "; the profile uses HMAC-SHA-1-160");
            }
            return k;
        }

        private Optional<Bytes> rand() {
            List<RandPayload> rands = message.findAll(RandPayload.class);
            if (rands.size() > 1) {
                throw new Refusal(NOT_IN_PROFILE, "more than one RAND payload");
            }
            return rands.isEmpty() ? Optional.empty() : Optional.of(rands.get(0).rand());
        }

        /** IDi then IDr, in chain order (RFC 3830 §6.7: the initiator's ID comes first). */
        private IdPayload[] idiAndIdr() {
            List<IdPayload> ids = new ArrayList<>(message.findAll(IdPayload.class));
            if (ids.size() != 2) {
                throw new Refusal(NOT_IN_PROFILE, "MSK message has " + ids.size()
                        + " ID payloads; expected IDi and IDr, which name the MUK (TS 33.246 §6.4.6.1)");
            }
            return new IdPayload[] {ids.get(0), ids.get(1)};
        }

    }
}
