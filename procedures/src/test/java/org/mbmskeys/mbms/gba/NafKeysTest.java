package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Ks_(ext)_NAF / Ks_int_NAF (TS 33.220 B.3). Known answers from vectors/gba.json: inputs CK/IK/RAND are
 * official TS 35.208 Test Set 1 values, the outputs are [SELF] regression values (computed by the project
 * with two independent implementations), NOT official vectors.
 */
class NafKeysTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    static BootstrappingContext vectorContext() {
        Bytes rand = GbaVectors.bytes("rand");
        return BootstrappingContext.fromAka(GbaVectors.secret("ck"), GbaVectors.secret("ik"), rand,
                GbaVectors.text("impi"), BTid.of(rand, "bsf.example.org"), EXPIRES);
    }

    static NafId vectorNaf() {
        return NafId.forMbms(GbaVectors.text("naf_fqdn"));
    }

    @Test
    void ksExtNafMatchesTheSelfComputedVector() {
        assertThat(NafKeys.ksExtNaf(vectorContext(), vectorNaf()).revealHex())
                .isEqualTo(GbaVectors.text("ks_ext_naf"))
                .isEqualTo("ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c");
    }

    @Test
    void ksIntNafMatchesTheSelfComputedVector() {
        assertThat(NafKeys.ksIntNaf(vectorContext(), vectorNaf()).revealHex())
                .isEqualTo(GbaVectors.text("ks_int_naf"))
                .isEqualTo("d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35");
    }

    @Test
    void ksIsCkFollowedByIk() {
        assertThat(vectorContext().ks().revealHex()).isEqualTo(GbaVectors.text("ck") + GbaVectors.text("ik"));
    }

    @Test
    void gbaMeMaterialHoldsKsNafOnly() {
        NafKeyMaterial keys = NafKeys.derive(vectorContext(), vectorNaf(), GbaMode.GBA_ME);

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_ME);
        assertThat(keys.ksExtNaf().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(keys.ksIntNaf()).isEmpty();
        assertThat(keys.bTid().format()).isEqualTo(GbaVectors.text("btid_for_bsf_example_org"));
        assertThat(keys.impi()).isEqualTo(GbaVectors.text("impi"));
        assertThat(keys.expiresAt()).isEqualTo(EXPIRES);
        assertThat(keys.nafId()).isEqualTo(vectorNaf());
    }

    @Test
    void gbaUMaterialHoldsBothKeys() {
        NafKeyMaterial keys = NafKeys.derive(vectorContext(), vectorNaf(), GbaMode.GBA_U);

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_U);
        assertThat(keys.ksExtNaf().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(keys.ksIntNaf()).get().extracting(SecretBytes::revealHex).isEqualTo(GbaVectors.text("ks_int_naf"));
    }

    enum Mutation {
        RAND_LAST_BYTE(c -> {
            Bytes rand = c.rand().withByteXored(15, 0x01);
            return new BootstrappingContext(c.ks(), rand, c.impi(), BTid.of(rand, "bsf.example.org"), c.expiresAt());
        }),
        KS_FIRST_BYTE(c -> new BootstrappingContext(SecretBytes.wrap(flipFirst(c.ks().copyBytes())), c.rand(),
                c.impi(), c.bTid(), c.expiresAt())),
        IMPI_ONE_DIGIT(c -> new BootstrappingContext(c.ks(), c.rand(), c.impi().replaceFirst("9@", "8@"), c.bTid(),
                c.expiresAt()));

        final UnaryOperator<BootstrappingContext> apply;

        Mutation(UnaryOperator<BootstrappingContext> apply) {
            this.apply = apply;
        }

        private static byte[] flipFirst(byte[] b) {
            b[0] ^= 0x01;
            return b;
        }
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void oneChangedInputGivesOtherNafKeys(Mutation mutation) {
        BootstrappingContext mutated = mutation.apply.apply(vectorContext());

        assertThat(NafKeys.ksExtNaf(mutated, vectorNaf()).revealHex()).isNotEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(NafKeys.ksIntNaf(mutated, vectorNaf()).revealHex()).isNotEqualTo(GbaVectors.text("ks_int_naf"));
    }

    @Test
    void otherNafFqdnOrUaProtocolGivesOtherKeys() {
        assertThat(NafKeys.ksExtNaf(vectorContext(), NafId.forMbms("bmsd.example.org")).revealHex())
                .isNotEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(NafKeys.ksExtNaf(vectorContext(), NafId.of("bmsc.example.org", UaSecurityProtocolId.MBMS_HTTP))
                .revealHex()).isNotEqualTo(GbaVectors.text("ks_ext_naf"));
    }
}
