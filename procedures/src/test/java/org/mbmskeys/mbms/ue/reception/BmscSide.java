package org.mbmskeys.mbms.ue.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.mikey.protection.SolicitedPull;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;

/**
 * A BM-SC as the UE's peer in these tests: the real key registry and sealer, so every datagram is what a
 * conforming BM-SC sends. Keys are fixed test patterns.
 */
final class BmscSide {

    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyGroup GROUP = KeyGroup.of(0x0007);
    static final KeyValidity VALIDITY = KeyValidity.of(10, 20);
    static final String FQDN = "bmsc.example.org";
    static final String BTID_OLD = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    static final String BTID_NEW = "AAECAwQFBgcICQoLDA0ODw==@bsf.example.org";
    static final MukId MUK_ID_OLD = MukId.of(FQDN, BTID_OLD);
    static final MukId MUK_ID_NEW = MukId.of(FQDN, BTID_NEW);
    static final SecretBytes MUK_OLD =
            SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final SecretBytes MUK_NEW =
            SecretBytes.ofHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    static final StreamingSession SESSION = StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1);

    final KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), seeded(0x33246L));
    final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
    final ServiceType type;
    private int csb = 0x0c5b1d00;

    BmscSide(ServiceType type) {
        this.type = type;
        registry.createGroup(DOMAIN, GROUP, type);
    }

    RegisteredMsk rotate() {
        return registry.rotate(DOMAIN, GROUP, VALIDITY);
    }

    Bytes mskMessage(RegisteredMsk msk, String bTid, SecretBytes muk, boolean askForVerification) {
        return mskMessage(msk, FQDN, bTid, muk, askForVerification);
    }

    /** With {@code idi} as the BM-SC writes it in IDi (its FQDN, perhaps in another letter case). */
    Bytes mskMessage(RegisteredMsk msk, String idi, String bTid, SecretBytes muk, boolean askForVerification) {
        MskDelivery d = MskDelivery.delivery(csbId(), DOMAIN, msk.ref().mskId(), msk.key(), msk.validity(),
                mukCounter(bTid), msk.rand(), idi, bTid, askForVerification);
        return seal(d, muk);
    }

    Bytes validityUpdate(RegisteredMsk msk, KeyValidity validity, String bTid, SecretBytes muk) {
        return seal(MskDelivery.validityUpdate(csbId(), DOMAIN, msk.ref().mskId(), validity, mukCounter(bTid),
                msk.rand(), FQDN, bTid, false), muk);
    }

    Bytes invalidation(RegisteredMsk msk, String bTid, SecretBytes muk) {
        return seal(MskDelivery.invalidation(csbId(), DOMAIN, msk.ref().mskId(), mukCounter(bTid), msk.rand(), FQDN,
                bTid, false), muk);
    }

    Bytes solicitedPull(String bTid, SecretBytes lastKnownMuk) {
        return solicitedPull(FQDN, bTid, lastKnownMuk);
    }

    Bytes solicitedPull(String idi, String bTid, SecretBytes lastKnownMuk) {
        return sealer.seal(new SolicitedPull(csbId(), DOMAIN, GROUP, mukCounter(bTid),
                Bytes.ofHex("0f0e0d0c0b0a09080706050403020100"), idi, bTid), lastKnownMuk);
    }

    MtkAllocation.Allocated nextMtk(RegisteredMsk msk) {
        MtkAllocation a = registry.nextMtk(msk.ref());
        assertThat(a).isInstanceOf(MtkAllocation.Allocated.class);
        return (MtkAllocation.Allocated) a;
    }

    Bytes mtkMessage(RegisteredMsk msk, MtkAllocation.Allocated mtk) {
        return sealer.seal(new MtkDelivery(csbId(), DOMAIN, msk.ref().mskId(), mtk.mtkId(), msk.serviceType(),
                mtk.mtk(), mtk.salt(), registry.nextCounter(ProtectingKey.msk(msk.ref())), msk.rand()), msk.key());
    }

    private Bytes seal(MskDelivery d, SecretBytes muk) {
        return sealer.seal(type == ServiceType.STREAMING ? d.forStreaming(SESSION) : d, muk);
    }

    private TimestampCounter mukCounter(String bTid) {
        return registry.nextCounter(ProtectingKey.muk(MukId.of(FQDN, bTid)));
    }

    private CsbId csbId() {
        return CsbId.of(csb++);
    }

    /** Not for production: reproducible key material from a seeded java.util.Random. */
    private static KeyMaterialSource seeded(long seed) {
        Random random = new Random(seed);
        return length -> {
            byte[] key = new byte[length];
            random.nextBytes(key);
            return SecretBytes.wrap(key);
        };
    }
}
