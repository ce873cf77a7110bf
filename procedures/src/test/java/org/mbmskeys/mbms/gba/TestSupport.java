package org.mbmskeys.mbms.gba;

import java.time.Instant;
import java.time.InstantSource;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;

/** Shared fixtures: the TS 35.208 Test Set 1 subscriber, a seeded random source, a settable clock. */
public final class TestSupport {

    /** TS 35.208 Test Set 1 (official). */
    public static final String K_SET1 = "465b5ce8b199b49faa5f0a2ee238a6bc";
    public static final String OPC_SET1 = "cd63cb71954a9f4e48a5994e37a02baf";
    public static final String RAND_SET1 = "23553cbe9637a89d218ae64dae47bf35";

    public static final String IMPI = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
    public static final String BSF_DOMAIN = "bsf.example.org";
    public static final String NAF_FQDN = "bmsc.example.org";

    private TestSupport() {
    }

    public static SecretBytes k() {
        return SecretBytes.ofHex(K_SET1);
    }

    public static SecretBytes opc() {
        return SecretBytes.ofHex(OPC_SET1);
    }

    /** Deterministic "random" bytes from a seeded java.util.Random. */
    public static RandomBytes seededRandom(long seed) {
        return RandomBytes.seeded(seed);
    }

    /** A clock that moves only when told to. */
    public static final class SettableClock implements InstantSource {
        private Instant now;

        public SettableClock(Instant start) {
            now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        public void set(Instant instant) {
            now = instant;
        }
    }
}
