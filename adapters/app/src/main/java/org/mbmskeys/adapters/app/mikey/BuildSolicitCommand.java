package org.mbmskeys.adapters.app.mikey;

import java.util.concurrent.Callable;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.SolicitedPull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey build solicit}: a solicited pull (TS 33.246 §6.3.2.2.4) protected with the last
 * MUK the BM-SC knows, printed as one line of hex: Key Number 0, KEMAC without key data, V bit never set.
 */
@Command(name = "solicit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a solicited pull (BM-SC to UE) protected with the last known MUK; prints it as one line of hex.",
            "HDR, EXT{Key Domain ID, MSK ID = Key Group ‖ 0000}, T(COUNTER), RAND, IDi, IDr, KEMAC(MAC only)."})
public final class BuildSolicitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--muk", required = true, paramLabel = "HEX",
            description = "the last MUK the BM-SC knows for the UE, any length (GBA gives 32 bytes)")
    String muk;

    @Option(names = "--key-group", required = true, paramLabel = "HEX4", description = "the Key Group to pull, e.g. 0001")
    String keyGroup;

    @Option(names = "--key-domain", required = true, paramLabel = "MCC-MNC", description = "Key Domain ID, e.g. 001-01")
    String keyDomain;

    @Option(names = "--csb-id", paramLabel = "HEX8",
            description = "CSB ID of the header; it names nothing (TS 33.246 §6.4.2); default: 4 random bytes")
    String csbId;

    @Option(names = "--counter", required = true, paramLabel = "N",
            description = "COUNTER timestamp 0..4294967295; the MUK's stream, each message one higher")
    String counter;

    @Option(names = "--idi", required = true, paramLabel = "FQDN", description = "IDi: the BM-SC (NAF) FQDN")
    String idi;

    @Option(names = "--idr", required = true, paramLabel = "BTID", description = "IDr: the UE's B-TID")
    String idr;

    @Option(names = "--rand", paramLabel = "HEX32",
            description = "RAND, 16 bytes recommended (1..255 accepted); default: 16 random bytes")
    String rand;

    @Override
    public Integer call() {
        MikeyArguments args = new MikeyArguments(spec);
        KeyDomainId domain = args.keyDomain("--key-domain", keyDomain);
        KeyGroup group = args.keyGroup("--key-group", keyGroup);
        CsbId csb = args.csbId("--csb-id", csbId);
        TimestampCounter c = args.counter("--counter", counter);
        Bytes r = args.rand("--rand", rand);
        String initiator = args.identity("--idi", idi);
        String responder = args.identity("--idr", idr);
        SolicitedPull pull = args.domain(() -> new SolicitedPull(csb, domain, group, c, r, initiator, responder));
        SecretBytes mukKey = args.anyLengthKey("--muk", muk);
        try {
            BuildOutput.print(spec, args.domain(() -> MikeySealer.jca().seal(pull, mukKey)));
        } finally {
            mukKey.destroy();
        }
        return 0;
    }
}
