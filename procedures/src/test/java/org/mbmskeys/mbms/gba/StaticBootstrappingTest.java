package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

class StaticBootstrappingTest {

    private static final String IMPI = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
    private static final Bytes RAND = Bytes.ofHex("23553cbe9637a89d218ae64dae47bf35");
    private static final BTid BTID = BTid.of(RAND, "bsf.example.org");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");
    private static final NafId NAF = NafId.forMbms("bmsc.example.org");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T00:00:00Z"));
    private final StaticBootstrapping zn = new StaticBootstrapping(() -> now.get());

    private static BootstrappingContext context() {
        return BootstrappingContext.fromAka(SecretBytes.ofHex("b40ba9a3c58b2a05bbf0d987b21bf8cb"),
                SecretBytes.ofHex("f769bcd751044604127672711c6d3441"), RAND, IMPI, BTID, END);
    }

    @Test
    void aWholeBootstrappingGivesTheNafKeysTs33220Derives() {
        zn.add(context());
        NafKeyLookup answer = zn.lookUp(BTID, NAF);
        assertThat(answer).isInstanceOf(NafKeyLookup.Found.class);
        NafKeyMaterial keys = ((NafKeyLookup.Found) answer).keys();
        assertThat(keys.ksExtNaf()).isEqualTo(NafKeys.ksExtNaf(context(), NAF));
        assertThat(keys.impi()).isEqualTo(IMPI);
        assertThat(keys.expiresAt()).isEqualTo(END);
    }

    @Test
    void aNafKeyAloneIsGivenBackAsACopyEachTime() {
        SecretBytes ksNaf = SecretBytes.ofHex("00".repeat(31) + "01");
        zn.addNafKey(BTID, IMPI, END, ksNaf);
        NafKeyMaterial first = ((NafKeyLookup.Found) zn.lookUp(BTID, NAF)).keys();
        first.destroy();
        NafKeyMaterial second = ((NafKeyLookup.Found) zn.lookUp(BTID, NAF)).keys();
        assertThat(second.ksExtNaf().revealHex()).isEqualTo("00".repeat(31) + "01");
        assertThatThrownBy(() -> zn.addNafKey(BTID, IMPI, END, SecretBytes.ofHex("0102")))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("0102");
    }

    @Test
    void anUnknownBTidAndAnExpiredOneAreAnswersNotErrors() {
        assertThat(zn.lookUp(BTID, NAF)).isEqualTo(new NafKeyLookup.UnknownBTid(BTID));
        zn.add(context());
        now.set(END);
        assertThat(zn.lookUp(BTID, NAF)).isEqualTo(new NafKeyLookup.Expired(BTID, END));
        assertThat(zn.toString()).isEqualTo("StaticBootstrapping[1 B-TIDs]");
    }
}
