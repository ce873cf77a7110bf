package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;

/**
 * A BM-SC's Key Distribution function wired for tests: registry with a download and a streaming Key Group,
 * a Zn side, UeKeys, KeyDistribution, virtual time and seeded randomness.
 */
final class BmscFixture {

    static final String FQDN = "bmsc.example.org";
    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyGroupRef DOWNLOAD = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0001));
    static final KeyGroupRef STREAMING = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0002));
    static final KeyGroupRef EMPTY = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0003));
    static final KeyValidity VALIDITY = KeyValidity.of(10, 20);
    static final StreamingSession SESSION = StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1);
    static final Instant START = Instant.parse("2026-12-02T12:00:00Z");
    static final Duration NAF_LIFETIME = Duration.ofHours(24);

    static final String IMPI_A = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    static final String IMPI_B = "001010000000002@ims.mnc001.mcc001.3gppnetwork.org";
    static final BTid BTID_A = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    static final BTid BTID_A2 = BTid.parse("EBESExQVFhcYGRobHB0eHw==@bsf.example.org");
    static final BTid BTID_B = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    static final SecretBytes KS_A =
            SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final SecretBytes KS_A2 =
            SecretBytes.ofHex("404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");
    static final SecretBytes KS_B =
            SecretBytes.ofHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    static final Endpoint UE_A = Endpoint.of("10.0.0.1", 2269);
    static final Endpoint UE_B = Endpoint.of("10.0.0.2", 2269);

    final MutableClock clock = new MutableClock(START);
    final FakeBsf bsf = new FakeBsf(clock);
    final KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), seededKeys(0x33246L));
    final List<KnownMuk> retired = new ArrayList<>();
    final UeKeys ueKeys;
    final KeyDistribution distribution;
    final RandomBytes random = seededRandom(7);

    BmscFixture() {
        this(null);
    }

    BmscFixture(Duration mukLifetime) {
        registry.createGroup(DOMAIN, DOWNLOAD.keyGroup(), ServiceType.DOWNLOAD);
        registry.createGroup(DOMAIN, STREAMING.keyGroup(), ServiceType.STREAMING);
        registry.createGroup(DOMAIN, EMPTY.keyGroup(), ServiceType.DOWNLOAD);
        registry.rotate(DOMAIN, DOWNLOAD.keyGroup(), VALIDITY);
        registry.rotate(DOMAIN, STREAMING.keyGroup(), VALIDITY);
        UeKeys.Builder b = UeKeys.builder(bsf, NafId.forMbms(FQDN), clock).onRetired(m -> {
            retired.add(m);
            KeyDistribution.retireCountersIn(registry).accept(m);
        });
        if (mukLifetime != null) {
            b.mukLifetime(mukLifetime);
        }
        ueKeys = b.build();
        distribution = new KeyDistribution(registry, ueKeys, StreamingSessions.of(Map.of(STREAMING, SESSION)), random,
                CryptoSuite.jca());
        bsf.bootstrap(IMPI_A, BTID_A, KS_A, START.plus(NAF_LIFETIME));
        bsf.bootstrap(IMPI_A, BTID_A2, KS_A2, START.plus(NAF_LIFETIME).plusSeconds(3600));
        bsf.bootstrap(IMPI_B, BTID_B, KS_B, START.plus(NAF_LIFETIME));
    }

    static Recipient ueA() {
        return new Recipient(IMPI_A, UE_A);
    }

    static Recipient ueB() {
        return new Recipient(IMPI_B, UE_B);
    }

    static MukId mukId(BTid bTid) {
        return MukId.of(FQDN, bTid.format());
    }

    /** The UE of A with the MUK of {@code bTid} (GBA_ME: MUK = Ks_NAF). */
    static TestUe ue(BTid bTid, SecretBytes ks) {
        return new TestUe(mukId(bTid), ks);
    }

    static RandomBytes seededRandom(long seed) {
        return RandomBytes.seeded(seed);
    }

    static KeyMaterialSource seededKeys(long seed) {
        Random r = new Random(seed);
        return n -> {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return SecretBytes.wrap(b);
        };
    }
}
