package org.mbmskeys.adapters.app.mikey;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.profile.InterimProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey build msk}: an MSK message protected with a MUK (TS 33.246 §6.3.2.3, §6.4.5.1),
 * printed as one line of hex. Also builds the two keyless forms: a validity-only
 * update and the invalidation sent at deregistration (§6.3.2.1B).
 */
@Command(name = "msk", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build an MSK message (BM-SC to UE) protected with the UE's MUK; prints it as one line of hex.",
            "HDR, EXT{Key Domain ID, MSK ID}, T(COUNTER), RAND, IDi, IDr, [SP], KEMAC(AES-CM-128, HMAC-SHA-1-160).",
            "Streaming: #CS 1 with the SRTP-ID map entry and the SRTP policy (SP); download: #CS 0, Empty map, no SP."})
public final class BuildMskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "streaming|download",
            description = "service type of the MSK's Key Group (TS 33.246 §4.2, §6.4.5.1)")
    String service;

    @Option(names = "--muk", required = true, paramLabel = "HEX",
            description = "the MUK protecting the message, any length (GBA gives 32 bytes)")
    String muk;

    @Option(names = "--msk", paramLabel = "HEX",
            description = "the MSK to deliver, 16 bytes; required unless --validity-only or --invalidate")
    String msk;

    @Option(names = "--msk-id", required = true, paramLabel = "HEX8",
            description = "MSK ID: Key Group (4 hex digits) followed by Key Number (4 hex digits, not 0000), e.g. 00010002")
    String mskId;

    @Option(names = "--key-domain", required = true, paramLabel = "MCC-MNC", description = "Key Domain ID, e.g. 001-01")
    String keyDomain;

    @Option(names = "--csb-id", paramLabel = "HEX8",
            description = "CSB ID of the header; it names nothing (TS 33.246 §6.4.2); default: 4 random bytes")
    String csbId;

    @Option(names = "--counter", required = true, paramLabel = "N",
            description = "COUNTER timestamp 0..4294967295; one stream per MUK, each message one higher")
    String counter;

    @Option(names = "--idi", required = true, paramLabel = "FQDN", description = "IDi: the BM-SC (NAF) FQDN")
    String idi;

    @Option(names = "--idr", required = true, paramLabel = "BTID", description = "IDr: the UE's B-TID")
    String idr;

    @Option(names = "--rand", paramLabel = "HEX32",
            description = "the MSK's MIKEY-RAND, the same in every message for this MSK (TS 33.246 §6.4.5.1); "
                    + "16 bytes recommended (1..255 accepted); default: 16 random bytes")
    String rand;

    @Option(names = "--seql", paramLabel = "N",
            description = "key validity lower bound SEQl (exclusive), an MTK ID 0..65535; with --sequ (default: 0)")
    String seql;

    @Option(names = "--sequ", paramLabel = "N",
            description = "key validity upper bound SEQu, an MTK ID 0..65534; with --seql (default: 65534)")
    String sequ;

    @Option(names = "--ssrc", paramLabel = "HEX8", description = "streaming: SSRC of the RTP session (SRTP-ID map entry)")
    String ssrc;

    @Option(names = "--roc", paramLabel = "N", description = "streaming: ROC of the SRTP-ID map entry, 0..4294967295 (default: 0)")
    String roc;

    @Option(names = "--roc-rate", paramLabel = "R",
            description = "streaming: ROC transmission rate R, 1..65535 (RFC 4771 §4; TS 33.246 §6.6.2.1 sends it in every "
                    + "MSK delivery message)")
    String rocRate;

    @Option(names = "--srtp-auth", paramLabel = "rccm1|rccm2|rccm3",
            description = "streaming: SRTP integrity transform of RFC 4771 (default: rccm1)")
    String srtpAuth;

    @Option(names = "--mtk-length", paramLabel = "16|24|32",
            description = "streaming: length of the Key Group's MTKs, the SRTP master key; the SP states it as its session "
                    + "encryption key length (RFC 3830 §6.10.1; default: 16)")
    String mtkLength;

    @Option(names = "--ack", description = "set the V bit: ask the UE for a verification message")
    boolean ack;

    @Option(names = "--validity-only", description = "no key: only new key validity for an MSK the UE holds (TS 33.246 §6.5.3)")
    boolean validityOnly;

    @Option(names = "--invalidate", description = "no key, key validity SEQl 1 > SEQu 0: invalidates the MSK (TS 33.246 §6.3.2.1B)")
    boolean invalidate;

    @Override
    public Integer call() {
        MikeyArguments args = new MikeyArguments(spec);
        ServiceType type = args.service("--service", service);
        checkForm(args);
        Optional<StreamingSession> streaming = streaming(args, type);
        KeyDomainId domain = args.keyDomain("--key-domain", keyDomain);
        MskId id = args.mskId("--msk-id", mskId);
        if (id.isCurrentMarker()) {
            throw args.error("--msk-id " + mskId + " has Key Number 0000, which marks a solicited pull "
                    + "(TS 33.246 §6.3.2.2.4); use 'mikey build solicit', or a Key Number 0001..ffff");
        }
        CsbId csb = args.csbId("--csb-id", csbId);
        TimestampCounter c = args.counter("--counter", counter);
        String initiator = args.identity("--idi", idi);
        String responder = args.identity("--idr", idr);
        Bytes r = args.rand("--rand", rand);
        KeyValidity validity = invalidate ? KeyValidity.invalidated() : validity(args);
        // Keys are parsed last, so most argument errors come before any key is held.
        SecretBytes mskKey = validityOnly || invalidate ? null
                : args.profileKey("--msk", msk, InterimProfile.MSK_LENGTH, "MSK");
        SecretBytes mukKey = args.anyLengthKey("--muk", muk);
        try {
            MskDelivery download = args.domain(() -> mskKey == null
                    ? MskDelivery.validityUpdate(csb, domain, id, validity, c, r, initiator, responder, ack)
                    : MskDelivery.delivery(csb, domain, id, mskKey, validity, c, r, initiator, responder, ack));
            MskDelivery delivery = streaming.map(download::forStreaming).orElse(download);
            BuildOutput.print(spec, args.domain(() -> MikeySealer.jca().seal(delivery, mukKey)));
        } finally {
            mukKey.destroy();
            if (mskKey != null) {
                mskKey.destroy();
            }
        }
        return 0;
    }

    private void checkForm(MikeyArguments args) {
        if (validityOnly && invalidate) {
            throw args.error("--validity-only and --invalidate exclude each other: an invalidation is the "
                    + "validity update SEQl 1 > SEQu 0");
        }
        boolean keyless = validityOnly || invalidate;
        if (keyless && msk != null) {
            throw args.error("--msk cannot be combined with " + (invalidate ? "--invalidate" : "--validity-only")
                    + ": that message carries no key");
        }
        if (!keyless && msk == null) {
            throw args.error("Missing required option: '--msk=HEX' (the MSK to deliver), unless --validity-only "
                    + "or --invalidate is given");
        }
        if (invalidate && (seql != null || sequ != null)) {
            throw args.error("--invalidate sends SEQl 1 > SEQu 0; it takes no --seql/--sequ");
        }
        if ((seql == null) != (sequ == null)) {
            throw args.error((seql == null ? "--sequ needs --seql" : "--seql needs --sequ")
                    + ": the key validity SEQl..SEQu is given as a pair (default: 0..65534)");
        }
    }

    /** The SRTP-ID map entry and SP of a streaming message; every streaming option refused for download. */
    private Optional<StreamingSession> streaming(MikeyArguments args, ServiceType type) {
        if (type == ServiceType.DOWNLOAD) {
            for (String[] given : new String[][] {{"--ssrc", ssrc}, {"--roc", roc}, {"--roc-rate", rocRate},
                {"--srtp-auth", srtpAuth}, {"--mtk-length", mtkLength}}) {
                if (given[1] != null) {
                    throw args.error(given[0] + " with --service download: a download MSK message has the Empty map "
                            + "and no SP (TS 33.246 §6.4.5.1)");
                }
            }
            return Optional.empty();
        }
        if (ssrc == null) {
            throw args.error("Missing required option: '--ssrc=HEX8': a streaming MSK message names its RTP session "
                    + "in the SRTP-ID map (TS 33.246 §6.4.5.1)");
        }
        if (rocRate == null) {
            throw args.error("Missing required option: '--roc-rate=R': TS 33.246 §6.6.2.1 sends the ROC transmission "
                    + "rate in every streaming MSK delivery message");
        }
        long ssrcValue = args.ssrc("--ssrc", ssrc);
        long rocValue = roc == null ? 0 : args.unsignedNumber("--roc", roc, 0xFFFF_FFFFL, "the ROC");
        int r = (int) args.unsignedNumber("--roc-rate", rocRate, 0xFFFF, "the ROC transmission rate R, RFC 4771 §4");
        if (r == 0) {
            throw args.error("--roc-rate must be 1..65535: RFC 4771 §4 makes R a non-zero 16-bit integer");
        }
        int keyLength = mtkLength == null ? InterimProfile.MTK_LENGTH
                : (int) args.unsignedNumber("--mtk-length", mtkLength, 32, "the MTK length");
        if (!InterimProfile.ACCEPTED_KEY_LENGTHS.contains(keyLength)) {
            throw args.error("--mtk-length must be 16, 24 or 32: an MTK is an AES-128, -192 or -256 SRTP master key "
                    + "(TS 33.246 §4.2)");
        }
        return Optional.of(StreamingSession.of(ssrcValue, rocValue, r, args.srtpAuthentication("--srtp-auth", srtpAuth),
                keyLength));
    }

    private KeyValidity validity(MikeyArguments args) {
        if (seql == null) {
            return KeyValidity.of(0, 0xFFFE);
        }
        KeyValidity validity = new KeyValidity(args.mtkId("--seql", seql), args.mtkId("--sequ", sequ));
        if (validity.seqHigh().value() == 0xFFFF) {
            throw args.error("--sequ " + sequ + ": the BM-SC never sets SEQu to its maximum (TS 33.246 §6.4.5.1)");
        }
        return validity;
    }
}
