package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.ue.keys.StoredMsk;
import org.mbmskeys.mbms.ue.keys.StoredMtk;
import org.mbmskeys.mbms.ue.keys.UeKeyState;

/**
 * The stored form of a UE's key state across releases: version 2 carries each MSK's SRTP policy and SRTP-ID map
 * entry, version 3 each MTK's CSB ID; a version 1 state (written before the UE kept the policies) still loads, its MSKs
 * without them, and a version 2 state loads its MTKs without a CSB ID.
 */
class UeKeyStateCodecTest {

    private static final MskRef MSK = MskRef.parse("001-01/00010001");
    private static final MukId MUK_ID = MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");

    /** Only an MSK, so the form ends with its SP and SRTP-ID flags and four empty collections (18 zero bytes). */
    private static UeKeyState onlyAnMsk() {
        StoredMsk msk = new StoredMsk(MSK, SecretBytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"), KeyValidity.of(10, 20),
                Bytes.ofHex("5a5b5c5d5e5f60616263646566676869"), ServiceType.STREAMING, MUK_ID, 1, TimestampCounter.of(7),
                Optional.empty(), Optional.empty());
        return new UeKeyState(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of(MSK, msk),
                List.of(), Set.of(), Map.of(), Map.of());
    }

    /** An MSK and one MTK under it without a salt, as a download MTK is. */
    private static UeKeyState anMskAndAnMtk(Optional<CsbId> csbId) {
        UeKeyState msk = onlyAnMsk();
        StoredMtk mtk = new StoredMtk(MSK, MtkId.of(11), TimestampCounter.of(3), csbId,
                SecretBytes.ofHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"), Optional.empty());
        return new UeKeyState(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, msk.msks(),
                List.of(mtk), Set.of(), Map.of(), Map.of());
    }

    @Test
    void everyFieldRoundTripsIncludingTheSrtpPolicyAndMapEntryAndTheMtkCsbId() {
        UeKeyState full = UeKeyStorageContract.full(10);
        assertThat(full.msks().values()).allSatisfy(m -> {
            assertThat(m.srtpPolicy()).isPresent();
            assertThat(m.srtpCs()).isPresent();
        });
        assertThat(full.mtks()).allSatisfy(m -> assertThat(m.csbId()).isPresent());
        assertThat(UeKeyStateCodec.decode(UeKeyStateCodec.encode(full))).isEqualTo(full);
        UeKeyState withoutCsbId = anMskAndAnMtk(Optional.empty());
        assertThat(UeKeyStateCodec.decode(UeKeyStateCodec.encode(withoutCsbId))).isEqualTo(withoutCsbId);
    }

    @Test
    void aVersion2StateLoadsItsMtksWithoutCsbId() {
        byte[] v3 = UeKeyStateCodec.encode(anMskAndAnMtk(Optional.empty()));
        // After the MTK's "no CSB ID" flag: its key (length and 16 bytes), "no salt", three empty collections.
        int flag = v3.length - 12 - 1 - (4 + 16) - 1;
        assertThat(v3[flag]).isZero();
        byte[] v2 = new byte[v3.length - 1];
        System.arraycopy(v3, 0, v2, 0, flag);
        System.arraycopy(v3, flag + 1, v2, flag, v3.length - flag - 1);
        ByteBuffer.wrap(v2).putInt(0, 2);
        assertThat(ByteBuffer.wrap(v3).getInt(0)).isEqualTo(3);

        assertThat(UeKeyStateCodec.decode(v2)).isEqualTo(anMskAndAnMtk(Optional.empty()));
    }

    @Test
    void aVersion1StateLoadsWithoutSrtpPolicies() {
        byte[] v3 = UeKeyStateCodec.encode(onlyAnMsk());   // with no MTK, the same as version 2 but for the version
        assertThat(Arrays.copyOfRange(v3, v3.length - 18, v3.length)).containsOnly(0);
        byte[] v1 = new byte[v3.length - 2];
        System.arraycopy(v3, 0, v1, 0, v3.length - 18);   // all but the MSK's "no SP" and "no SRTP-ID" flags
        ByteBuffer.wrap(v1).putInt(0, 1);
        assertThat(ByteBuffer.wrap(v3).getInt(0)).isEqualTo(3);

        assertThat(UeKeyStateCodec.decode(v1)).isEqualTo(onlyAnMsk());
    }

    @Test
    void anUnknownVersionIsRefusedByName() {
        byte[] v4 = UeKeyStateCodec.encode(onlyAnMsk());
        ByteBuffer.wrap(v4).putInt(0, 4);
        assertThatThrownBy(() -> UeKeyStateCodec.decode(v4)).isInstanceOf(StorageException.class)
                .hasMessageContaining("version 4").hasMessageContaining("versions 1 to 3");
        byte[] v0 = UeKeyStateCodec.encode(onlyAnMsk());
        ByteBuffer.wrap(v0).putInt(0, 0);
        assertThatThrownBy(() -> UeKeyStateCodec.decode(v0)).isInstanceOf(StorageException.class)
                .hasMessageContaining("version 0");
    }
}
