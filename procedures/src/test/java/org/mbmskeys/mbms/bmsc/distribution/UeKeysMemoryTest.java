package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keys.ProtectingKey;

/**
 * A rough, test-side estimate of what the BM-SC holds per UE for key distribution: its last MUK in
 * {@link UeKeys} and the COUNTER stream of that MUK in the key registry. Measured as the heap growth over
 * 100,000 UEs after garbage collection.
 */
class UeKeysMemoryTest {

    private static final int UES = 100_000;

    @Test
    void aUesMukAndItsCounterCostWellUnderOneKibibyte() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
        NafId naf = NafId.forMbms("bmsc.example.org");
        UeKeys keys = UeKeys.builder((bTid, nafId) -> {
            throw new AssertionError("no Zn in this test");
        }, naf, clock).build();
        KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), BmscFixture.seededKeys(1));
        Instant expiry = clock.instant().plus(Duration.ofDays(1));

        long before = usedHeap();
        for (int i = 0; i < UES; i++) {
            String impi = String.format("0010100%08d@ims.mnc001.mcc001.3gppnetwork.org", i);
            byte[] rand = new byte[16];
            rand[0] = (byte) i;
            rand[1] = (byte) (i >> 8);
            rand[2] = (byte) (i >> 16);
            BTid bTid = BTid.parse(Base64.getEncoder().encodeToString(rand) + "@bsf.mnc001.mcc001.pub.3gppnetwork.org");
            byte[] ks = new byte[32];
            ks[0] = (byte) i;
            KnownMuk known = keys.learn(NafKeyMaterial.gbaMe(naf, bTid, impi, expiry, SecretBytes.wrap(ks)));
            registry.nextCounter(ProtectingKey.muk(known.mukId()));
        }
        long perUe = (usedHeap() - before) / UES;

        assertThat(keys.size()).isEqualTo(UES);
        assertThat(perUe).as("bytes per UE for its MUK and counter (about 650 on JDK 17 before IDi and BSF "
                + "domains were shared)").isLessThan(1024);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
