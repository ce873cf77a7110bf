package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOMAIN;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOWNLOAD;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.EMPTY;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.STREAMING;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.VALIDITY;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ue;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ueA;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;

/** MTK messages of a session (TS 33.246 §6.3.3, §6.4.5.3), as a UE holding the MSK receives them. */
class MtkStreamTest {

    private static final Endpoint RTP = Endpoint.of("232.1.2.3", 5004);

    private final BmscFixture bmsc = new BmscFixture();
    private final TestUe ue = ue(BTID_A, KS_A);

    MtkStreamTest() {
        bmsc.ueKeys.lookUp(BTID_A);
    }

    private void giveUeTheCurrentMsk(org.mbmskeys.mbms.bmsc.services.KeyGroupRef group) {
        assertThat(ue.receiveMsk(bmsc.distribution.push(ueA(), group.current(), false).orElseThrow().datagram())
                .accepted()).isTrue();
    }

    @Test
    void streamingMtksGoToTheRtpAddressOnPort2269AndOpenAtTheUe() {
        giveUeTheCurrentMsk(STREAMING);
        MtkStream stream = MtkStream.streaming(bmsc.registry, STREAMING, MtkStream.mikeyDestinationFor(RTP),
                bmsc.random, CryptoSuite.jca());
        assertThat(stream.current()).isEmpty();

        PreparedMtk first = next(stream);
        PreparedMtk second = next(stream);

        assertThat(first.to()).contains(Endpoint.of("232.1.2.3", 2269));
        assertThat(first.mtkId()).isEqualTo(MtkId.of(VALIDITY.seqLow().value() + 1));
        assertThat(second.mtkId()).isEqualTo(MtkId.of(VALIDITY.seqLow().value() + 2));
        assertThat(java.util.List.of(first.counter(), second.counter())).containsExactly(TimestampCounter.of(1), TimestampCounter.of(2));
        assertThat(first.csbId()).isNotEqualTo(second.csbId());
        StringBuilder why = new StringBuilder();
        CurrentMtk atUe = ue.receiveMtk(first.datagram(), why).orElseThrow(() -> new AssertionError(why));
        assertThat(atUe.mtkId()).isEqualTo(first.mtkId());
        assertThat(atUe.salt()).isPresent();
        assertThat(ue.receiveMtk(second.datagram(), why).map(CurrentMtk::mtkId)).contains(second.mtkId());
    }

    /** §6.3.3.2.2, §6.4.3 NOTE: the periodic resend is the same message with the same TS; the UE drops it. */
    @Test
    void currentIsTheLastMessageByteForByteForPeriodicResends() {
        giveUeTheCurrentMsk(STREAMING);
        MtkStream stream = MtkStream.streaming(bmsc.registry, STREAMING, MtkStream.mikeyDestinationFor(RTP),
                bmsc.random, CryptoSuite.jca());
        PreparedMtk made = next(stream);

        assertThat(stream.current()).contains(made);
        StringBuilder why = new StringBuilder();
        assertThat(ue.receiveMtk(stream.current().orElseThrow().datagram(), why)).isPresent();
        assertThat(ue.receiveMtk(stream.current().orElseThrow().datagram(), why)).isEmpty();
        assertThat(why.toString()).isEqualTo("REPLAYED_COUNTER");
    }

    /** After a rotation the stream follows the new current MSK: new MTK IDs from its SEQl, counter from 1. */
    @Test
    void theStreamFollowsTheCurrentMskOfItsGroup() {
        MtkStream stream = MtkStream.streaming(bmsc.registry, STREAMING, MtkStream.mikeyDestinationFor(RTP),
                bmsc.random, CryptoSuite.jca());
        RegisteredMsk before = bmsc.registry.currentMsk(DOMAIN, STREAMING.keyGroup()).orElseThrow();
        next(stream);
        next(stream);
        RegisteredMsk after = bmsc.registry.rotate(DOMAIN, STREAMING.keyGroup(), KeyValidity.of(100, 200));
        giveUeTheCurrentMsk(STREAMING);

        PreparedMtk underNew = next(stream);

        assertThat(before.ref()).isNotEqualTo(after.ref());
        assertThat(underNew.msk()).isEqualTo(after.ref());
        assertThat(underNew.mtkId()).isEqualTo(MtkId.of(101));
        assertThat(underNew.counter()).isEqualTo(TimestampCounter.of(1));
        StringBuilder why = new StringBuilder();
        assertThat(ue.receiveMtk(underNew.datagram(), why)).as(why.toString()).isPresent();
    }

    @Test
    void whenTheValidityIsUsedUpTheStreamSaysExhausted() {
        bmsc.registry.rotate(DOMAIN, DOWNLOAD.keyGroup(), KeyValidity.of(1, 2));
        MtkStream stream = MtkStream.download(bmsc.registry, DOWNLOAD, bmsc.random, CryptoSuite.jca());
        next(stream);

        MtkStep step = stream.next();

        assertThat(step).isInstanceOf(MtkStep.Exhausted.class);
        assertThat(((MtkStep.Exhausted) step).detail().detail()).contains("exhausted");
        assertThat(stream.current().orElseThrow().mtkId()).isEqualTo(MtkId.of(2));
    }

    @Test
    void aGroupWithoutMskHasNoMtk() {
        MtkStream stream = MtkStream.download(bmsc.registry, EMPTY, bmsc.random, CryptoSuite.jca());
        assertThat(stream.next()).isEqualTo(new MtkStep.NoCurrentMsk(EMPTY));
        assertThat(stream.current()).isEmpty();
    }

    /** §6.3.3.2.1: download MTKs (TGK, no salt) travel as application/mikey objects next to their file. */
    @Test
    void downloadMtksAreMikeyObjectsNextToTheFileTheyProtect() {
        giveUeTheCurrentMsk(DOWNLOAD);
        MtkStream stream = MtkStream.download(bmsc.registry, DOWNLOAD, bmsc.random, CryptoSuite.jca());

        PreparedMtk made = next(stream);
        MikeyObject object = made.asObject("news-2026-12-02.mp4");

        assertThat(made.to()).isEmpty();
        assertThat(object.mediaType()).isEqualTo("application/mikey");
        assertThat(object.protects()).isEqualTo("news-2026-12-02.mp4");
        assertThat(object.content()).isEqualTo(made.datagram());
        assertThat(MikeyReader.read(object.content()).orElseThrow()).isInstanceOf(MtkMessage.class);
        StringBuilder why = new StringBuilder();
        CurrentMtk atUe = ue.receiveMtk(object.content(), why).orElseThrow(() -> new AssertionError(why));
        assertThat(atUe.salt()).isEqualTo(Optional.empty());
    }

    @Test
    void aStreamNamesTheKeyGroupAndServiceTypeItWasMadeFor() {
        MtkStream download = MtkStream.download(bmsc.registry, DOWNLOAD, bmsc.random, CryptoSuite.jca());
        MtkStream streaming = MtkStream.streaming(bmsc.registry, STREAMING, RTP, bmsc.random, CryptoSuite.jca());

        assertThat(download.group()).isEqualTo(DOWNLOAD);
        assertThat(download.serviceType()).isEqualTo(org.mbmskeys.mbms.keys.ServiceType.DOWNLOAD);
        assertThat(streaming.group()).isEqualTo(STREAMING);
        assertThat(streaming.serviceType()).isEqualTo(org.mbmskeys.mbms.keys.ServiceType.STREAMING);
    }

    /** §6.3.3.2.1: the object names the file it protects in the FDT; a blank name names none. */
    @Test
    void aDownloadMtkObjectMustNameTheFileItProtects() {
        giveUeTheCurrentMsk(DOWNLOAD);
        PreparedMtk made = next(MtkStream.download(bmsc.registry, DOWNLOAD, bmsc.random, CryptoSuite.jca()));

        assertThatThrownBy(() -> made.asObject(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file");
        assertThatThrownBy(() -> made.asObject("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A step that made an MTK is a ready MTK object, never the reason why a download session has none. */
    @Test
    void aStepThatMadeAnMtkIsNoReasonForNoMtk() {
        giveUeTheCurrentMsk(DOWNLOAD);
        MtkStream stream = MtkStream.download(bmsc.registry, DOWNLOAD, bmsc.random, CryptoSuite.jca());

        assertThatThrownBy(() -> new org.mbmskeys.mbms.bmsc.DownloadMtk.NoMtk(stream.next()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ready");
        assertThat(new org.mbmskeys.mbms.bmsc.DownloadMtk.NoMtk(MtkStream.download(bmsc.registry, EMPTY, bmsc.random,
                CryptoSuite.jca()).next()).reason()).isInstanceOf(MtkStep.NoCurrentMsk.class);
    }

    @Test
    void aStreamMustMatchItsGroupsServiceType() {
        assertThatThrownBy(() -> MtkStream.download(bmsc.registry, STREAMING, bmsc.random, CryptoSuite.jca()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STREAMING");
        assertThatThrownBy(() -> MtkStream.streaming(bmsc.registry, DOWNLOAD, RTP, bmsc.random, CryptoSuite.jca()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOWNLOAD");
        assertThatThrownBy(() -> MtkStream.download(bmsc.registry,
                org.mbmskeys.mbms.bmsc.services.KeyGroupRef.of(DOMAIN, org.mbmskeys.mbms.keys.KeyGroup.of(0x55)),
                bmsc.random, CryptoSuite.jca())).isInstanceOf(IllegalArgumentException.class);
    }

    private static PreparedMtk next(MtkStream stream) {
        MtkStep step = stream.next();
        assertThat(step).isInstanceOf(MtkStep.Next.class);
        return ((MtkStep.Next) step).message();
    }
}
