package org.mbmskeys.adapters.app.mikey;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.profile.InterimProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey build mtk}: an MTK message protected with the MSK (TS 33.246 §6.3.3, §6.4.5.3),
 * printed as one line of hex. The V bit is never set, and there is no RAND: the KEMAC keys come from the
 * MIKEY-RAND of the MSK's messages, which the UE stored with the MSK (§6.5.4).
 */
@Command(name = "mtk", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build an MTK message (BM-SC to all UEs) protected with the MSK; prints it as one line of hex.",
            "HDR, EXT{Key Domain ID, MSK ID, MTK ID}, T(COUNTER), KEMAC(AES-CM-128, HMAC-SHA-1-160); no RAND."})
public final class BuildMtkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "streaming|download",
            description = "service type of the MSK's Key Group: streaming sends the MTK as TEK+SALT with its salt, "
                    + "download as TGK without salt (TS 33.246 §6.4.5.3)")
    String service;

    @Option(names = "--msk", required = true, paramLabel = "HEX", description = "the MSK protecting the message, 16 bytes")
    String msk;

    @Option(names = "--msk-id", required = true, paramLabel = "HEX8",
            description = "MSK ID of that MSK: Key Group ‖ Key Number (not 0000), e.g. 00010002")
    String mskId;

    @Option(names = "--msk-rand", required = true, paramLabel = "HEX",
            description = "the MIKEY-RAND of the MSK messages; not sent, it enters the key derivation (TS 33.246 §6.5.4)")
    String mskRand;

    @Option(names = "--mtk", required = true, paramLabel = "HEX",
            description = "the MTK to deliver, 16, 24 or 32 bytes (TS 33.246 §4.2)")
    String mtk;

    @Option(names = "--mtk-id", required = true, paramLabel = "N", description = "MTK ID 0..65535, within the MSK's SEQl..SEQu")
    String mtkId;

    @Option(names = "--key-domain", required = true, paramLabel = "MCC-MNC", description = "Key Domain ID, e.g. 001-01")
    String keyDomain;

    @Option(names = "--csb-id", paramLabel = "HEX8",
            description = "CSB ID of the header; it names nothing (TS 33.246 §6.4.2); default: 4 random bytes")
    String csbId;

    @Option(names = "--counter", required = true, paramLabel = "N",
            description = "COUNTER timestamp 0..4294967295; one stream per MSK, each message one higher")
    String counter;

    @Option(names = "--salt", paramLabel = "HEX28",
            description = "MTK salt, 14 bytes: required for streaming, refused for download (TS 33.246 §6.4.5.3)")
    String salt;

    @Override
    public Integer call() {
        MikeyArguments args = new MikeyArguments(spec);
        ServiceType type = args.service("--service", service);
        if (type == ServiceType.STREAMING && salt == null) {
            throw args.error("Missing required option: '--salt=HEX28': a streaming MTK travels with its 112-bit salt "
                    + "(TS 33.246 §6.4.5.3)");
        }
        if (type == ServiceType.DOWNLOAD && salt != null) {
            throw args.error("--salt with --service download: a download MTK travels as TGK without salt "
                    + "(TS 33.246 §6.4.5.3)");
        }
        MskId id = args.mskId("--msk-id", mskId);
        if (id.isCurrentMarker()) {
            throw args.error("--msk-id " + mskId + " has Key Number 0000 (\"current MSK\"); an MTK message names "
                    + "the actual MSK, Key Number 0001..ffff");
        }
        KeyDomainId domain = args.keyDomain("--key-domain", keyDomain);
        MtkId mtkNumber = args.mtkId("--mtk-id", mtkId);
        CsbId csb = args.csbId("--csb-id", csbId);
        TimestampCounter c = args.counter("--counter", counter);
        Bytes r = args.givenRand("--msk-rand", mskRand);
        SecretBytes mskKey = args.profileKey("--msk", msk, InterimProfile.MSK_LENGTH, "MSK");
        SecretBytes mtkKey = args.mtk("--mtk", mtk);
        Optional<SecretBytes> saltKey = salt == null ? Optional.empty()
                : Optional.of(args.profileKey("--salt", salt, InterimProfile.MTK_SALT_LENGTH, "MTK salt"));
        try {
            MtkDelivery delivery = args.domain(() -> new MtkDelivery(csb, domain, id, mtkNumber, type, mtkKey, saltKey,
                    c, r));
            BuildOutput.print(spec, args.domain(() -> MikeySealer.jca().seal(delivery, mskKey)));
        } finally {
            mskKey.destroy();
            mtkKey.destroy();
            saltKey.ifPresent(SecretBytes::destroy);
        }
        return 0;
    }
}
