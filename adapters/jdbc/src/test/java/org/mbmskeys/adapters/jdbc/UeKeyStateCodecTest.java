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
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.ue.keys.StoredMsk;
import org.mbmskeys.mbms.ue.keys.UeKeyState;

/**
 * The stored form of a UE's key state across releases: version 2 carries each MSK's SRTP policy and SRTP-ID map
 * entry, and a version 1 state (written before the UE kept them) still loads, its MSKs without them.
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

    @Test
    void everyFieldRoundTripsIncludingTheSrtpPolicyAndMapEntry() {
        UeKeyState full = UeKeyStorageContract.full(10);
        assertThat(full.msks().values()).allSatisfy(m -> {
            assertThat(m.srtpPolicy()).isPresent();
            assertThat(m.srtpCs()).isPresent();
        });
        assertThat(UeKeyStateCodec.decode(UeKeyStateCodec.encode(full))).isEqualTo(full);
    }

    @Test
    void aVersion1StateLoadsWithoutSrtpPolicies() {
        byte[] v2 = UeKeyStateCodec.encode(onlyAnMsk());
        assertThat(Arrays.copyOfRange(v2, v2.length - 18, v2.length)).containsOnly(0);
        byte[] v1 = new byte[v2.length - 2];
        System.arraycopy(v2, 0, v1, 0, v2.length - 18);   // all but the MSK's "no SP" and "no SRTP-ID" flags
        ByteBuffer.wrap(v1).putInt(0, 1);
        assertThat(ByteBuffer.wrap(v2).getInt(0)).isEqualTo(2);

        assertThat(UeKeyStateCodec.decode(v1)).isEqualTo(onlyAnMsk());
    }

    @Test
    void anUnknownVersionIsRefusedByName() {
        byte[] v2 = UeKeyStateCodec.encode(onlyAnMsk());
        ByteBuffer.wrap(v2).putInt(0, 3);
        assertThatThrownBy(() -> UeKeyStateCodec.decode(v2)).isInstanceOf(StorageException.class)
                .hasMessageContaining("version 3").hasMessageContaining("versions 1 and 2");
    }
}
