package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.protection.MbmsSrtpPolicy;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.ue.keys.KeyFingerprint;
import org.mbmskeys.mbms.ue.keys.RetiredMtkState;
import org.mbmskeys.mbms.ue.keys.RetiredMukCounter;
import org.mbmskeys.mbms.ue.keys.StoredGbaKey;
import org.mbmskeys.mbms.ue.keys.StoredMsk;
import org.mbmskeys.mbms.ue.keys.StoredMtk;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UeKeyStorage;
import org.mbmskeys.mbms.ue.keys.UiccId;

/** The {@link UeKeyStorage} contract: empty until stored, then exactly the last state stored, as a whole. */
abstract class UeKeyStorageContract {

    static final MukId MUK_ID = MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    static final MukId OLD_MUK_ID = MukId.of("bmsc.example.org", "AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    static final MskRef MSK_REF = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2));
    static final MskRef GONE_REF = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 1));
    static final SecretBytes MSK_KEY = SecretBytes.ofHex("4d534b4b45594d534b4b45594d534b4b");

    UeKeyStorage storage;

    abstract UeKeyStorage newStorage();

    @BeforeEach
    void open() {
        storage = newStorage();
    }

    /** A state with something in every field. */
    static UeKeyState full(long mukCounter) {
        StoredGbaKey muk = new StoredGbaKey(MUK_ID, SecretBytes.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
        StoredGbaKey oldMuk = new StoredGbaKey(OLD_MUK_ID, SecretBytes.ofHex("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"));
        StoredGbaKey mrk = new StoredGbaKey(MUK_ID, SecretBytes.ofHex("0102030405060708090a0b0c0d0e0f100102030405060708090a0b0c0d0e0f10"));
        StoredMsk msk = new StoredMsk(MSK_REF, MSK_KEY.copy(), KeyValidity.of(1, 1000),
                Bytes.ofHex("0123456789abcdef0123456789abcdef"), ServiceType.STREAMING, MUK_ID, 3,
                TimestampCounter.of(mukCounter), Optional.of(MtkId.of(5)), Optional.of(TimestampCounter.of(77)),
                Optional.of(MbmsSrtpPolicy.of(0, 10, SrtpAuthentication.RCCM2, 16)),
                Optional.of(new SrtpCsEntry(0, 0xfedcba98L, 0x80000001L)));
        StoredMtk mtk = new StoredMtk(MSK_REF, MtkId.of(5), TimestampCounter.of(77), Optional.of(CsbId.of(0xc5b1d001)),
                SecretBytes.ofHex("6d746b6d746b6d746b6d746b6d746b00"), Optional.of(SecretBytes.ofHex("73616c7473616c7473616c7400")));
        return new UeKeyState(Optional.of(UiccId.of("89860012345678901234")),
                Map.of(MUK_ID.idi(), muk), Map.of(OLD_MUK_ID.idi(), oldMuk), Map.of(MUK_ID.idi(), mrk),
                Map.of(MUK_ID, TimestampCounter.of(mukCounter)), Map.of(MUK_ID, 3L), 3,
                Map.of(MSK_REF, msk), List.of(mtk), Set.of(GONE_REF),
                Map.of(OLD_MUK_ID, new RetiredMukCounter(new KeyFingerprint(Bytes.ofHex("aa55")), TimestampCounter.of(9))),
                Map.of(GONE_REF, new RetiredMtkState(new KeyFingerprint(Bytes.ofHex("bb66")), MtkId.of(4),
                        TimestampCounter.of(8))));
    }

    @Test
    void aNewStorageLoadsTheEmptyState() {
        assertThat(storage.load()).isEqualTo(UeKeyState.empty());
    }

    @Test
    void theLastStoredStateIsLoadedWhole() {
        storage.store(full(10));
        assertThat(storage.load()).isEqualTo(full(10));

        storage.store(full(11));
        assertThat(storage.load()).isEqualTo(full(11));

        storage.store(UeKeyState.empty());
        assertThat(storage.load()).isEqualTo(UeKeyState.empty());
    }
}
