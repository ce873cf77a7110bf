package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.Reception;

/**
 * An MTK message the UE takes, over UDP or as a download object (TS 33.246 §6.4.6.2, §6.3.3.2.1): the store keeps
 * the MTK and its salt, and the copies the reception hands to the UE's node are wiped there, since nothing of the
 * UE's role uses them; only {@link SecretAudit} sees that.
 */
class UeNodeLeavesNoMtkCopyBehindTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroup GROUP = KeyGroup.of(7);
    private static final String BMSC = "bmsc.example.org";
    private static final String BTID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    private static final SecretBytes MUK =
            SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private final UeKeyStore store = UeKeyStore.inMemory();
    private final UeNode node = new UeNode(UeProfile.usim("alice", UiccId.of("8949440000001234567"), () -> {
        throw new IllegalStateException("no GBA in this test");
    }), store, CryptoSuite.jca(), n -> Bytes.wrap(new byte[n]), () -> Instant.EPOCH, GbaUserAgent.with("test"), 80);
    private final Bytes mtkMessage;

    /** A streaming MSK (so its MTKs carry a salt) delivered under the MUK, and the wire of its first MTK. */
    UeNodeLeavesNoMtkCopyBehindTest() {
        store.installMuk(MukId.of(BMSC, BTID), MUK);
        Random seeded = new Random(0x33246L);
        KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), length -> {
            byte[] key = new byte[length];
            seeded.nextBytes(key);
            return SecretBytes.wrap(key);
        });
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, KeyValidity.of(10, 20));
        MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
        Bytes push = sealer.seal(MskDelivery.delivery(CsbId.of(1), DOMAIN, msk.ref().mskId(), msk.key(), msk.validity(),
                registry.nextCounter(ProtectingKey.muk(MukId.of(BMSC, BTID))), msk.rand(), BMSC, BTID, false)
                .forStreaming(StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1)), MUK);
        assertThat(node.receive(push)).isInstanceOf(Reception.MskStored.class);
        MtkAllocation.Allocated mtk = (MtkAllocation.Allocated) registry.nextMtk(msk.ref());
        mtkMessage = sealer.seal(new MtkDelivery(CsbId.of(2), DOMAIN, msk.ref().mskId(), mtk.mtkId(), msk.serviceType(),
                mtk.mtk(), mtk.salt(), registry.nextCounter(ProtectingKey.msk(msk.ref())), msk.rand()), msk.key());
    }

    @Test
    void anMtkMessageOverUdpLeavesOnlyTheMtkAndSaltTheStoreHolds() {
        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(node.receive(mtkMessage)).isInstanceOf(Reception.MtkStored.class);

            assertThat(audit.undestroyed()).as("the MTK and salt the store now holds")
                    .extracting(c -> c.secret().length()).containsExactlyInAnyOrder(16, 14);
        }
    }

    @Test
    void anMtkObjectLeavesOnlyTheMtkAndSaltTheStoreHolds() {
        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(node.receiveMtkObject(mtkMessage)).isInstanceOf(Reception.MtkStored.class);

            assertThat(audit.undestroyed()).as("the MTK and salt the store now holds")
                    .extracting(c -> c.secret().length()).containsExactlyInAnyOrder(16, 14);
        }
    }
}
