package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_B;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOWNLOAD;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.FQDN;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_B;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A2;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_B;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.NAF_LIFETIME;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.START;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.STREAMING;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ue;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ueA;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.traffic.TrafficKeys;

/**
 * The BM-SC's Key Distribution keeps one copy of each UE's MUK and the registry's keys; every other copy it
 * takes (the MUK and MSK sealed into one message, the MUK checking one verification message, the MTK drawn for
 * one MTK message, the MRK and NAF keys of a first look-up) is wiped before the call returns. These copies
 * never leave the method, so only {@link SecretAudit} can see the wipe.
 */
class KeyDistributionLeavesNoSecretBehindTest {

    private final BmscFixture bmsc = new BmscFixture();

    KeyDistributionLeavesNoSecretBehindTest() {
        bmsc.ueKeys.lookUp(BTID_A);
    }

    @Test
    void aFirstLookUpKeepsTheMukAndNothingElse() {
        try (SecretAudit audit = SecretAudit.begin()) {
            bmsc.ueKeys.lookUp(BTID_B);

            assertThat(audit.createdCount()).as("Ks_NAF, MUK, MRK and copies").isGreaterThan(2);
            assertThat(audit.undestroyed()).as("what the look-up left alive").hasSize(1)
                    .allSatisfy(c -> assertThat(c.secret().length()).isEqualTo(32));
        }
    }

    @Test
    void pushesUpdatesInvalidationsAndRetransmissionsLeaveNoCopyBehind() {
        try (SecretAudit audit = SecretAudit.begin()) {
            PreparedPush push = bmsc.distribution.push(ueA(), DOWNLOAD.current(), true).orElseThrow();
            bmsc.distribution.retransmission(push).orElseThrow();
            bmsc.distribution.validityUpdate(ueA(), DOWNLOAD.current(), true).orElseThrow();
            bmsc.distribution.invalidate(ueA(), STREAMING.current(), true).orElseThrow();

            assertThat(audit.createdCount()).isGreaterThan(8);
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void aSolicitedPullLeavesNoCopyBehind() {
        try (SecretAudit audit = SecretAudit.begin()) {
            bmsc.distribution.solicitedPull(ueA(), DOWNLOAD.keyDomain(), DOWNLOAD.keyGroup()).orElseThrow();

            assertThat(audit.createdCount()).isPositive();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void checkingAVerificationMessageLeavesNoCopyBehind() {
        PreparedPush push = bmsc.distribution.push(ueA(), DOWNLOAD.current(), true).orElseThrow();
        Bytes ack = ue(BTID_A, KS_A).receiveMsk(push.datagram()).ack().orElseThrow();

        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(bmsc.distribution.checkAck(push, ack).isAcknowledged()).isTrue();

            assertThat(audit.createdCount()).isPositive();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void anMtkMessageLeavesNoCopyOfItsMtkOrMskBehindButTheMasterKeyAndSaltItHandsOn() {
        MtkStream stream = MtkStream.streaming(bmsc.registry, STREAMING, Endpoint.of("232.1.2.3", 2269), bmsc.random,
                CryptoSuite.jca());

        try (SecretAudit audit = SecretAudit.begin()) {
            List<TrafficKeys> taken = new ArrayList<>();
            assertThat(stream.next(taken::add)).isInstanceOf(MtkStep.Next.class);

            assertThat(audit.createdCount()).as("the MSK copy, the MTK, its salt, derived keys").isGreaterThan(3);
            SrtpMasterKey handed = (SrtpMasterKey) taken.get(0);
            assertThat(audit.undestroyed()).as("alive: the master key and salt handed to the traffic protection")
                    .extracting(c -> c.secret()).containsExactlyInAnyOrder(handed.masterKey(), handed.masterSalt());
            handed.destroy();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void anMtkMessageWhoseKeysTheTrafficProtectionRefusedLeavesNoCopyBehindAndDoesNotBecomeCurrent() {
        MtkStream stream = MtkStream.streaming(bmsc.registry, STREAMING, Endpoint.of("232.1.2.3", 2269), bmsc.random,
                CryptoSuite.jca());
        PreparedMtk before = ((MtkStep.Next) stream.next()).message();

        try (SecretAudit audit = SecretAudit.begin()) {
            assertThatThrownBy(() -> stream.next(keys -> {
                throw new IllegalStateException("the SRTP sender is down");
            })).hasMessageContaining("down");

            assertThat(audit.createdCount()).isGreaterThan(3);
            assertThat(audit.undestroyed()).isEmpty();
        }
        assertThat(stream.current()).hasValue(before);
    }

    @Test
    void aDownloadMtkLeavesNoCopyOfItsMtkOrMskBehindButTheDcfKeysItHandsOn() {
        MtkStream stream = MtkStream.download(bmsc.registry, DOWNLOAD, bmsc.random, CryptoSuite.jca());

        try (SecretAudit audit = SecretAudit.begin()) {
            List<TrafficKeys> taken = new ArrayList<>();
            assertThat(stream.next(taken::add)).isInstanceOf(MtkStep.Next.class);

            DcfKeys handed = (DcfKeys) taken.get(0);
            assertThat(audit.undestroyed()).as("alive: the DCF keys handed to whoever protects the file")
                    .extracting(c -> c.secret()).containsExactlyInAnyOrder(handed.encryptionKey(), handed.authenticationKey());
            handed.destroy();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void aNewBootstrappingWipesTheMukItReplaces() {
        BTid renewed = BTid.parse("MDEyMzQ1Njc4OWFiY2RlZg==@bsf.example.org");
        bmsc.bsf.bootstrap(IMPI_B, renewed, KS_A2, START.plus(NAF_LIFETIME));

        try (SecretAudit audit = SecretAudit.begin()) {
            bmsc.ueKeys.lookUp(BTID_B);
            bmsc.ueKeys.lookUp(renewed);

            assertThat(audit.undestroyed()).as("only the MUK of the new bootstrapping").hasSize(1);
            assertThat(audit.undestroyed().get(0).secret().revealHex()).isEqualTo(KS_A2.revealHex());   // GBA_ME: MUK = Ks_NAF
        }
    }

    @Test
    void theSameMukDerivedAgainIsWipedAndTheKeptOneStays() {
        try (SecretAudit audit = SecretAudit.begin()) {
            bmsc.ueKeys.lookUp(BTID_B);
            NafKeyMaterial again = NafKeyMaterial.gbaMe(NafId.forMbms(FQDN), BTID_B, IMPI_B, START.plus(NAF_LIFETIME),
                    KS_B.copy());
            bmsc.ueKeys.learn(again);
            again.destroy();

            assertThat(audit.undestroyed()).as("the MUK kept from the first derivation").hasSize(1);
        }
    }

    @Test
    void forgettingAUeWipesItsMuk() {
        try (SecretAudit audit = SecretAudit.begin()) {
            bmsc.ueKeys.lookUp(BTID_B);
            assertThat(bmsc.ueKeys.forget(IMPI_B)).isTrue();

            assertThat(audit.undestroyed()).isEmpty();
        }
    }
}

