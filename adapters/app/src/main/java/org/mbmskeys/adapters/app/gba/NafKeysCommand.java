package org.mbmskeys.adapters.app.gba;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.support.HexArgument;
import org.mbmskeys.adapters.app.support.Json;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.gba.NafKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys gba naf-keys}: the NAF keys and MBMS user keys (MUK, MRK) a BM-SC and a UE derive
 * from one bootstrapping, for checking another implementation or setting up a test. Prints key material
 * on purpose: that is what the command is for. MUK and MRK come in the three cases of TS 33.246 §6.1:
 * GBA_U with UICC-based key management, GBA_U with ME-based key management, and GBA_ME.
 */
@Command(name = "naf-keys", mixinStandardHelpOptions = true,
        description = "Derive NAF_Id, Ks_(ext)_NAF, Ks_int_NAF and MUK/MRK (GBA_U with UICC or ME key management, "
                + "GBA_ME) from CK, IK, RAND, IMPI and the BM-SC FQDN.")
public final class NafKeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ck", required = true, paramLabel = "HEX", description = "cipher key CK, 16 bytes")
    String ck;

    @Option(names = "--ik", required = true, paramLabel = "HEX", description = "integrity key IK, 16 bytes")
    String ik;

    @Option(names = "--rand", required = true, paramLabel = "HEX", description = "the bootstrapping RAND, 16 bytes")
    String rand;

    @Option(names = "--impi", required = true, paramLabel = "IMPI", description = "the subscriber's private identity")
    String impi;

    @Option(names = "--naf-fqdn", required = true, paramLabel = "FQDN", description = "the BM-SC (NAF) FQDN")
    String nafFqdn;

    @Option(names = "--bsf", paramLabel = "DOMAIN", defaultValue = "bsf.invalid",
            description = "BSF domain for the B-TID (default: ${DEFAULT-VALUE})")
    String bsf;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        var ckKey = SecretBytes.wrap(HexArgument.bytes(spec, "--ck", ck, 16).toByteArray());
        var ikKey = SecretBytes.wrap(HexArgument.bytes(spec, "--ik", ik, 16).toByteArray());
        var randBytes = HexArgument.bytes(spec, "--rand", rand, 16);
        NafId nafId;
        BootstrappingContext context;
        try {
            nafId = NafId.forMbms(nafFqdn);
            // The lifetime does not enter any derivation; the tool only needs a well-formed context.
            context = BootstrappingContext.fromAka(ckKey, ikKey, randBytes, impi, BTid.of(randBytes, bsf), Instant.MAX);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        NafKeyMaterial u = NafKeys.derive(context, nafId, GbaMode.GBA_U);
        NafKeyMaterial me = NafKeys.derive(context, nafId, GbaMode.GBA_ME);
        MukMrk uUiccKeys = u.mukMrk(MbmsKeyManagement.UICC);
        MukMrk uMeKeys = u.mukMrk(MbmsKeyManagement.ME);
        MukMrk meKeys = me.mukMrk(MbmsKeyManagement.ME);

        Map<String, String> out = new LinkedHashMap<>();
        out.put("naf_id", nafId.toBytes().toHex());
        out.put("b_tid", context.bTid().format());
        out.put("ks_ext_naf", me.ksExtNaf().revealHex());
        out.put("ks_int_naf", u.ksIntNaf().orElseThrow().revealHex());
        out.put("gba_u_uicc_muk", uUiccKeys.muk().revealHex());
        out.put("gba_u_uicc_mrk", uUiccKeys.mrk().revealHex());
        out.put("gba_u_me_muk", uMeKeys.muk().revealHex());
        out.put("gba_u_me_mrk", uMeKeys.mrk().revealHex());
        out.put("gba_me_muk", meKeys.muk().revealHex());
        out.put("gba_me_mrk", meKeys.mrk().revealHex());
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.object(out));
        } else {
            out.forEach((k, v) -> w.printf("%-14s %s%n", k, v));
        }
        w.flush();
        for (SecretBytes s : new SecretBytes[] {ckKey, ikKey}) {
            s.destroy();
        }
        for (MukMrk keys : new MukMrk[] {uUiccKeys, uMeKeys, meKeys}) {
            keys.destroy();
        }
        u.destroy();
        me.destroy();
        context.ks().destroy();
        return 0;
    }
}
