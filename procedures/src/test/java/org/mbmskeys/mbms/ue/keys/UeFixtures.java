package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Supplier;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/** Values and helpers shared by the UE key store tests. Keys are fixed test patterns, not real keys. */
final class UeFixtures {

    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyDomainId OTHER_DOMAIN = KeyDomainId.parse("310-410");
    /** The CSB ID of the MTK messages the tests apply (any value: only download keys are derived with it). */
    static final CsbId CSB_ID = CsbId.of(0xc5b1d001);

    /** IDi = BM-SC FQDN, IDr = B-TID (TS 33.246 §6.4.5.1); B-TIDs in the TS 33.220 form base64(RAND)@BSF. */
    static final MukId MUK_ID = MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    static final MukId NEW_MUK_ID = MukId.of("bmsc.example.org", "AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    static final MukId OTHER_BMSC_MUK_ID = MukId.of("bmsc2.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");

    static final SecretBytes MUK = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final SecretBytes NEW_MUK = SecretBytes.ofHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    static final SecretBytes MRK = SecretBytes.ofHex("404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");

    static final SecretBytes MSK_A = SecretBytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    static final SecretBytes MSK_B = SecretBytes.ofHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
    static final SecretBytes MSK_C = SecretBytes.ofHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
    static final SecretBytes MTK_1 = SecretBytes.ofHex("d0d1d2d3d4d5d6d7d8d9dadbdcdddedf");
    static final SecretBytes MTK_2 = SecretBytes.ofHex("e0e1e2e3e4e5e6e7e8e9eaebecedeeef");
    static final SecretBytes MTK_3 = SecretBytes.ofHex("101112131415161718191a1b1c1d1e1f");
    static final SecretBytes SALT = SecretBytes.ofHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd");
    /** A 128-bit MIKEY-RAND of an MSK message (TS 33.246 §6.4.5.1); public, so plain bytes. */
    static final Bytes RAND = Bytes.ofHex("5a5b5c5d5e5f60616263646566676869");
    static final Bytes OTHER_RAND = Bytes.ofHex("707172737475767778797a7b7c7d7e7f");

    static final KeyGroup GROUP = KeyGroup.of(1);
    static final MskId MSK_ID_1 = MskId.of(1, 1);
    static final MskId MSK_ID_2 = MskId.of(1, 2);
    static final MskId MSK_ID_3 = MskId.of(1, 3);
    static final KeyValidity VALIDITY = KeyValidity.of(10, 20);

    private UeFixtures() {
    }

    static TimestampCounter counter(long value) {
        return TimestampCounter.of(value);
    }

    static MskRef ref(MskId mskId) {
        return MskRef.of(DOMAIN, mskId);
    }

    /** A store with the UICC recorded and MUK_ID installed as the current MUK. */
    static UeKeyStore storeWithMuk() {
        UeKeyStore store = UeKeyStore.inMemory();
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(MUK_ID, MUK);
        return store;
    }

    /** Delivers {@code msk} under MUK_ID with {@code counter}, both phases, and asserts it was accepted. */
    static MskUpdate deliverMsk(UeKeyStore store, long counter, MskId mskId, SecretBytes msk, KeyValidity validity) {
        assertThat(store.checkMskCounter(MUK_ID, counter(counter)).isAccepted()).isTrue();
        KeyOutcome<MskUpdate> outcome =
                store.applyMsk(MUK_ID, counter(counter), DOMAIN, mskId, Optional.of(msk), validity, RAND, ServiceType.STREAMING);
        assertThat(outcome.isAccepted()).as(outcome.detail()).isTrue();
        return outcome.value();
    }

    /** Delivers an MTK under MSK {@code mskId} of DOMAIN, both phases, and asserts it was accepted. */
    static CurrentMtk deliverMtk(UeKeyStore store, MskId mskId, long counter, int mtkId, SecretBytes mtk) {
        assertThat(store.checkMtk(DOMAIN, mskId, counter(counter), MtkId.of(mtkId)).isAccepted()).isTrue();
        KeyOutcome<CurrentMtk> outcome =
                store.applyMtk(DOMAIN, mskId, counter(counter), MtkId.of(mtkId), CSB_ID, mtk, Optional.of(SALT));
        assertThat(outcome.isAccepted()).as(outcome.detail()).isTrue();
        return outcome.value();
    }

    /** Runs {@code rule}, asserts it was rejected for {@code reason} and that the stored state did not change. */
    static <T> KeyOutcome<T> assertRejectedUnchanged(UeKeyStore store, KeyRejection reason, Supplier<KeyOutcome<T>> rule) {
        UeKeyState before = store.snapshot();
        KeyOutcome<T> outcome = rule.get();
        assertThat(outcome.rejection()).as(outcome.detail()).contains(reason);
        assertThat(store.snapshot()).isEqualTo(before);
        return outcome;
    }
}
