package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.simulated.AkaResult;
import org.mbmskeys.mbms.gba.simulated.AuthenticationChallenge;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.Milenage;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;

/**
 * No key material in toString or exception messages: K, OPc, CK, IK, RES, Ks, Ks_ext_NAF, Ks_int_NAF,
 * MUK and MRK must not appear, neither as hex nor as base64 (the Digest password form).
 */
class SecretsNotPrintedTest {

    private final TestSupport.SettableClock clock = new TestSupport.SettableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SimulatedBsf bsf = new SimulatedBsf(TestSupport.BSF_DOMAIN, clock,
            TestSupport.seededRandom(7L), Duration.ofMinutes(5));
    private final List<String> secrets = new ArrayList<>();

    private void secret(String hex) {
        secrets.add(hex);
        secrets.add(Base64.getEncoder().encodeToString(Bytes.ofHex(hex).toByteArray()));
    }

    private void assertNoSecretIn(Object printed) {
        String text = String.valueOf(printed);
        for (String secret : secrets) {
            assertThat(text).as("printed form of %s", printed.getClass().getSimpleName()).doesNotContainIgnoringCase(secret);
        }
    }

    @Test
    void noKeyMaterialInAnyPrintedFormOrMessage() {
        NafId naf = NafId.forMbms(TestSupport.NAF_FQDN);
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_U);
        SimulatedUsim usim = new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0),
                GbaMode.GBA_U);
        GbaClient ue = new GbaClient(usim, clock);
        BootstrappingContext context = ue.bootstrap(bsf);
        NafKeyMaterial keys = ue.nafKeys(naf);
        MukMrk mukMrk = keys.mukMrk();
        NafKeyLookup found = bsf.lookUp(context.bTid(), naf);

        Bytes res = Milenage.withOpc(TestSupport.k(), TestSupport.opc()).f2(context.rand());
        secret(TestSupport.K_SET1);
        secret(TestSupport.OPC_SET1);
        secret(context.ks().slice(0, 16).revealHex());
        secret(context.ks().slice(16, 16).revealHex());
        secret(res.toHex());
        secret(context.ks().revealHex());
        secret(keys.ksExtNaf().revealHex());
        secret(keys.ksIntNaf().orElseThrow().revealHex());
        secret(mukMrk.muk().revealHex());
        secret(mukMrk.mrk().revealHex());
        assertThat(secrets).hasSize(20);

        AkaResult success = new AkaResult.Success(res, context.ks().slice(0, 16), context.ks().slice(16, 16));

        List<Object> printed = List.of(context, keys, mukMrk, found, success, usim, ue, bsf,
                Milenage.withOpc(TestSupport.k(), TestSupport.opc()), KdfInput.of(0x01, KdfInput.utf8("gba-me")));
        printed.forEach(this::assertNoSecretIn);

        clock.set(context.expiresAt());
        assertNoSecretIn(catchThrowable(() -> ue.mukMrk(naf)).getMessage());
        assertNoSecretIn(catchThrowable(() -> bsf.complete(TestSupport.IMPI, res)).getMessage());
        AuthenticationChallenge next = bsf.challenge(TestSupport.IMPI);
        Bytes nextRes = ((AkaResult.Success) usim.authenticate(next.rand(), next.autn())).res();
        secret(nextRes.toHex());
        assertNoSecretIn(catchThrowable(() -> bsf.complete(TestSupport.IMPI, nextRes.withByteXored(0, 1))).getMessage());
        SimulatedUsim wrongK = new SimulatedUsim(TestSupport.IMPI, SecretBytes.ofHex("00".repeat(16)), TestSupport.opc(),
                Sqn.of(0), GbaMode.GBA_U);
        assertNoSecretIn(catchThrowable(() -> new GbaClient(wrongK, clock).bootstrap(bsf)).getMessage());
    }
}
