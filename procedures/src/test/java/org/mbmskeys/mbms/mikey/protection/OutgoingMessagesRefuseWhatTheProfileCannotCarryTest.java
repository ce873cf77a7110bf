package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.CSB_ID;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.DOMAIN;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.IDI;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.IDR;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.MSK_ID;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.RAND;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.VALIDITY;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;

/**
 * The BM-SC's message descriptions (TS 33.246 §6.4.5) refuse, when built, what a conforming UE would
 * refuse on receipt, so the BM-SC never sends it: Key Number 0 or Key Group 0 where an MSK is named, wrong
 * key and salt lengths, a salt that does not match the service, RANDs outside 1..255 bytes, IDs that do
 * not fit an ID payload, an SP that is not the session's.
 */
class OutgoingMessagesRefuseWhatTheProfileCannotCarryTest {

    private static final TimestampCounter T = TimestampCounter.of(1);

    private static MskDelivery msk(MskId id, SecretBytes key, KeyValidity validity, Bytes rand) {
        return MskDelivery.delivery(CSB_ID, DOMAIN, id, key, validity, T, rand, IDI, IDR, false);
    }

    private static MtkDelivery mtk(MskId id, ServiceType service, SecretBytes key, Optional<SecretBytes> salt, Bytes rand) {
        return new MtkDelivery(CSB_ID, DOMAIN, id, MtkId.of(5), service, key, salt, T, rand);
    }

    @Test
    void anMskDeliveryNamesARealMskOfTheRightLengthWithARand() {
        assertThatThrownBy(() -> msk(MskId.of(1, 0), Fixtures.msk(), VALIDITY, RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solicited pull");
        assertThatThrownBy(() -> msk(MskId.of(0, 1), Fixtures.msk(), VALIDITY, RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> msk(MSK_ID, SecretBytes.of(new byte[15]), VALIDITY, RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 15");
        assertThatThrownBy(() -> msk(MSK_ID, Fixtures.msk(), VALIDITY, Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAND");
        assertThatThrownBy(() -> msk(MSK_ID, Fixtures.msk(), VALIDITY, Bytes.wrap(new byte[256])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 256");
        assertThat(msk(MSK_ID, Fixtures.msk(), VALIDITY, Bytes.wrap(new byte[255])).rand().length()).isEqualTo(255);
        assertThat(MskDelivery.validityUpdate(CSB_ID, DOMAIN, MSK_ID, VALIDITY, T, RAND, IDI, IDR, false).msk()).isEmpty();
    }

    @Test
    void anMtkDeliveryNamesARealMskAndCarriesASaltExactlyForStreaming() {
        SecretBytes salt = Fixtures.salt();
        assertThatThrownBy(() -> mtk(MskId.of(1, 0), ServiceType.STREAMING, Fixtures.mtk(), Optional.of(salt), RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Key Number 0");
        assertThatThrownBy(() -> mtk(MskId.of(0, 1), ServiceType.STREAMING, Fixtures.mtk(), Optional.of(salt), RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> mtk(MSK_ID, ServiceType.STREAMING, SecretBytes.of(new byte[20]), Optional.of(salt), RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 20");
        assertThatThrownBy(() -> mtk(MSK_ID, ServiceType.STREAMING, Fixtures.mtk(), Optional.empty(), RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with its 112-bit salt");
        assertThatThrownBy(() -> mtk(MSK_ID, ServiceType.DOWNLOAD, Fixtures.mtk(), Optional.of(salt), RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without salt");
        assertThatThrownBy(() -> mtk(MSK_ID, ServiceType.STREAMING, Fixtures.mtk(), Optional.of(SecretBytes.of(new byte[13])),
                RAND)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 13");
        assertThatThrownBy(() -> mtk(MSK_ID, ServiceType.DOWNLOAD, Fixtures.mtk(), Optional.empty(), Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAND");
        assertThat(mtk(MSK_ID, ServiceType.DOWNLOAD, Fixtures.mtk(), Optional.empty(), RAND).salt()).isEmpty();
        assertThat(mtk(MSK_ID, ServiceType.STREAMING, SecretBytes.of(new byte[32]), Optional.of(salt), RAND).salt())
                .isPresent();
    }

    @Test
    void aSolicitedPullCarriesARand() {
        assertThatThrownBy(() -> new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(1), T, Bytes.empty(), IDI, IDR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAND");
        assertThatThrownBy(() -> new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(0), T, RAND, IDI, IDR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    /** TS 33.246 §4.2, §6.4.5.1: an MSK message with a streaming session is for streaming, otherwise download. */
    @Test
    void anMskDeliveryIsForStreamingExactlyWhenItCarriesAStreamingSession() {
        MskDelivery download = Fixtures.mskDelivery(7, false);

        assertThat(download.serviceType()).isEqualTo(ServiceType.DOWNLOAD);
        assertThat(download.forStreaming(StreamingSession.of(0x0a0b0c0dL, 0, 1, SrtpAuthentication.RCCM1))
                .serviceType()).isEqualTo(ServiceType.STREAMING);
    }

    @Test
    void aStreamingSessionHasTheSrtpPolicyOfItsMapEntry() {
        SecurityPolicyPayload srtp = MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1);

        assertThatThrownBy(() -> new StreamingSession(new SrtpCsEntry(0, 1, 0),
                new SecurityPolicyPayload(0, ProtocolType.of(7), srtp.parameters()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Prot type");
        assertThatThrownBy(() -> new StreamingSession(new SrtpCsEntry(1, 1, 0), srtp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Policy_no");
    }

    @Test
    void theRocRateIsANonZeroSixteenBitNumberSentBigEndian() {
        assertThatThrownBy(() -> MbmsSrtpPolicy.of(0, 0, SrtpAuthentication.RCCM1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MbmsSrtpPolicy.of(0, 0x10000, SrtpAuthentication.RCCM1))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(MbmsSrtpPolicy.of(0, 0xFFFF, SrtpAuthentication.RCCM1).parameters()).isNotEmpty();
        SecurityPolicyPayload sp = MbmsSrtpPolicy.of(0, 0xFF02, SrtpAuthentication.RCCM2);

        assertThat(sp.parameters()).filteredOn(p -> p.type() == MbmsSrtpPolicy.ROC_TRANSMISSION_RATE)
                .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(Bytes.ofHex("ff02")));
    }

    @Test
    void idsAreOneToSixtyFiveThousandFiveHundredThirtyFiveBytes() {
        assertThatThrownBy(() -> IdPolicy.initiator("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IDi must not be empty");
        assertThatThrownBy(() -> IdPolicy.responder(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IdPolicy.initiator("a".repeat(0xFFFF)).data().length()).isEqualTo(0xFFFF);
        assertThatThrownBy(() -> IdPolicy.responder("a".repeat(0x10000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65535");
    }

    @Test
    void resultsPrintWhatWasOpenedButNoKey() {
        MikeySealer sealer = MikeySealer.jca();
        MikeyOpener opener = MikeyOpener.jca();
        MskMessage withKey = (MskMessage) MikeyReader.read(sealer.seal(Fixtures.mskDelivery(7, false), Fixtures.muk()))
                .orElseThrow();
        MskMessage withoutKey = (MskMessage) MikeyReader.read(sealer.seal(MskDelivery.validityUpdate(CSB_ID, DOMAIN, MSK_ID,
                VALIDITY, T, RAND, IDI, IDR, false), Fixtures.muk())).orElseThrow();
        MtkMessage download = (MtkMessage) MikeyReader.read(sealer.seal(MtkDelivery.download(CSB_ID, DOMAIN, MSK_ID,
                MtkId.of(5), Fixtures.mtk(), T, RAND), Fixtures.msk())).orElseThrow();
        MtkMessage streaming = (MtkMessage) MikeyReader.read(sealer.seal(MtkDelivery.streaming(CSB_ID, DOMAIN, MSK_ID,
                MtkId.of(5), Fixtures.mtk(), Fixtures.salt(), T, RAND), Fixtures.msk())).orElseThrow();

        assertThat(opener.open(withKey, Fixtures.muk()).orElseThrow()).hasToString(
                "OpenedMsk[001-01/00010002, counter 7, validity [1..100], key SecretBytes[16 bytes]]");
        assertThat(opener.open(withoutKey, Fixtures.muk()).orElseThrow()).hasToString(
                "OpenedMsk[001-01/00010002, counter 1, validity [1..100], no key]");
        assertThat(opener.open(download, Fixtures.msk(), RAND, ServiceType.DOWNLOAD).orElseThrow()).hasToString(
                "OpenedMtk[001-01/00010002, MTK 5, counter 1, key SecretBytes[16 bytes]]");
        assertThat(opener.open(streaming, Fixtures.msk(), RAND, ServiceType.STREAMING).orElseThrow()).hasToString(
                "OpenedMtk[001-01/00010002, MTK 5, counter 1, key SecretBytes[16 bytes], salt SecretBytes[14 bytes]]");
    }

    @Test
    void openResultsMapValuesAndKeepRejections() {
        assertThat(OpenResult.opened(1).map(v -> v + 1).orElseThrow()).isEqualTo(2);
        OpenResult<Integer> rejected = OpenResult.rejected(MikeyRejection.BAD_MAC, "MAC differs");
        OpenResult<String> mapped = rejected.map(String::valueOf);

        assertThat(mapped.rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
        assertThat(mapped.rejection().detail()).isEqualTo("MAC differs");
        assertThat(rejected.rejection().<Long>cast().detail()).isEqualTo("MAC differs");
        assertThat(rejected).hasToString("BAD_MAC: MAC differs");
        assertThatThrownBy(rejected::orElseThrow).hasMessage("message was rejected: BAD_MAC: MAC differs");
        assertThat(List.of(mapped.isOpened(), OpenResult.opened("x").isOpened())).containsExactly(false, true);
    }
}
