package org.mbmskeys.adapters.app.gba;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.CliRun;

/** {@code mbms-keys gba naf-keys} against the [SELF] regression values of vectors/gba.json (TS 35.208 Test Set 1 CK/IK/RAND). */
class NafKeysCommandTest {

    private static final String[] VECTOR_ARGS = {"gba", "naf-keys",
        "--ck", "b40ba9a3c58b2a05bbf0d987b21bf8cb", "--ik", "f769bcd751044604127672711c6d3441",
        "--rand", "23553cbe9637a89d218ae64dae47bf35",
        "--impi", "001010123456789@ims.mnc001.mcc001.3gppnetwork.org", "--naf-fqdn", "bmsc.example.org",
        "--bsf", "bsf.example.org"};

    @Test
    void printsTheNafKeysOfTheGbaVector() {
        CliRun run = CliRun.of(VECTOR_ARGS);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                "naf_id         626d73632e6578616d706c652e6f72670100000001",
                "b_tid          I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org",
                "ks_ext_naf     ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c",
                "ks_int_naf     d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35");
    }

    /**
     * The three MUK/MRK cases of TS 33.246 §6.1 and Annex F: GBA_U with an MBMS-capable UICC (MUK =
     * Ks_int_NAF, MRK = Ks_ext_NAF); GBA_U with ME-based key management (MUK = Ks_ext_NAF, MRK =
     * KDF(Ks_ext_NAF, "mbms-mrk")); GBA_ME (MUK = Ks_NAF, MRK = KDF(Ks_NAF, "mbms-mrk")). The MRK value is
     * {@code mrk_mbms} of vectors/gba.json (self-computed, not official).
     */
    @Test
    void printsMukAndMrkForEachKeyManagementCase() {
        CliRun run = CliRun.of(VECTOR_ARGS);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                "gba_u_uicc_muk d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35",
                "gba_u_uicc_mrk ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c",
                "gba_u_me_muk   ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c",
                "gba_u_me_mrk   c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4",
                "gba_me_muk     ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c",
                "gba_me_mrk     c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4");
    }

    @Test
    void jsonOutputIsOneObjectWithTheSameValues() {
        String[] args = java.util.Arrays.copyOf(VECTOR_ARGS, VECTOR_ARGS.length + 1);
        args[args.length - 1] = "--json";
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .startsWith("{\"naf_id\":\"626d73632e6578616d706c652e6f72670100000001\"")
                .contains("\"ks_ext_naf\":\"ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c\"")
                .contains("\"gba_me_mrk\":\"c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4\"")
                .endsWith("}");
    }

    @Test
    void aShortCkIsRefusedWithWhatWasExpected() {
        String[] args = VECTOR_ARGS.clone();
        args[3] = "b40ba9";
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ck must be 16 bytes (32 hex digits), got 3 bytes");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedFqdnIsRefusedAsAnArgumentError() {
        String[] args = VECTOR_ARGS.clone();
        args[11] = "not a host";
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).containsIgnoringCase("fqdn");
    }
}
