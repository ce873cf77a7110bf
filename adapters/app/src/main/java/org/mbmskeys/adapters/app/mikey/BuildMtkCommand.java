package org.mbmskeys.adapters.app.mikey;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.profile.InterimProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey build mtk}: an MTK message protected with the MSK (TS 33.246 §6.3.3, project
 * profile PROFILE.md §10), printed as one line of hex. The V bit is never set.
 */
@Command(name = "mtk", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build an MTK message (BM-SC to all UEs) protected with the MSK; prints it as one line of hex.",
            "HDR, EXT{MSK ID}, EXT{MTK ID}, T(COUNTER), RAND, KEMAC(AES-CM-128, HMAC-SHA-1-160)."})
public final class BuildMtkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--msk", required = true, paramLabel = "HEX", description = "the MSK protecting the message, 16 bytes")
    String msk;

    @Option(names = "--msk-id", required = true, paramLabel = "HEX8",
            description = "MSK ID of that MSK: Key Group ‖ Key Number (not 0000), e.g. 00010002")
    String mskId;

    @Option(names = "--mtk", required = true, paramLabel = "HEX", description = "the MTK to deliver, 16 bytes")
    String mtk;

    @Option(names = "--mtk-id", required = true, paramLabel = "N", description = "MTK ID 0..65535, within the MSK's SEQl..SEQu")
    String mtkId;

    @Option(names = "--key-domain", required = true, paramLabel = "MCC-MNC", description = "Key Domain ID, e.g. 001-01")
    String keyDomain;

    @Option(names = "--counter", required = true, paramLabel = "N",
            description = "COUNTER timestamp 0..4294967295; one stream per MSK, each message one higher")
    String counter;

    @Option(names = "--salt", paramLabel = "HEX28", description = "MTK salt, 14 bytes (Key data type TEK+SALT); default: none (TEK)")
    String salt;

    @Option(names = "--rand", paramLabel = "HEX32",
            description = "RAND, 16 bytes recommended (1..255 accepted); default: 16 random bytes")
    String rand;

    @Override
    public Integer call() {
        MikeyArguments args = new MikeyArguments(spec);
        MskId id = args.mskId("--msk-id", mskId);
        if (id.isCurrentMarker()) {
            throw args.error("--msk-id " + mskId + " has Key Number 0000 (\"current MSK\"); an MTK message names "
                    + "the actual MSK, Key Number 0001..ffff");
        }
        KeyDomainId domain = args.keyDomain("--key-domain", keyDomain);
        MtkId mtkNumber = args.mtkId("--mtk-id", mtkId);
        TimestampCounter c = args.counter("--counter", counter);
        Bytes r = args.rand("--rand", rand);
        SecretBytes mskKey = args.profileKey("--msk", msk, InterimProfile.MSK_LENGTH, "MSK");
        SecretBytes mtkKey = args.profileKey("--mtk", mtk, InterimProfile.MTK_LENGTH, "MTK");
        Optional<SecretBytes> saltKey = salt == null ? Optional.empty()
                : Optional.of(args.profileKey("--salt", salt, InterimProfile.MTK_SALT_LENGTH, "MTK salt"));
        MtkDelivery delivery = args.domain(() -> MtkDelivery.of(domain, id, mtkNumber, mtkKey, saltKey, c, r));
        try {
            BuildOutput.print(spec, args.domain(() -> MikeySealer.jca().seal(delivery, mskKey)));
        } finally {
            mskKey.destroy();
            mtkKey.destroy();
            saltKey.ifPresent(SecretBytes::destroy);
        }
        return 0;
    }
}
