package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/** Fixed inputs shared by the protection tests. Keys are arbitrary test values, not from any spec. */
final class Fixtures {

    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final MskId MSK_ID = MskId.of(0x0001, 0x0002);
    static final String IDI = "bmsc.example.org";
    static final String IDR = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");
    static final KeyValidity VALIDITY = KeyValidity.of(1, 100);
    static final CsbId CSB_ID = CsbId.of(0xc5b1d001);

    private Fixtures() {
    }

    static SecretBytes muk() {
        return SecretBytes.ofHex("d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35");
    }

    static SecretBytes otherMuk() {
        return SecretBytes.ofHex("0799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35");
    }

    static SecretBytes msk() {
        return SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f");
    }

    static SecretBytes mtk() {
        return SecretBytes.ofHex("f0e0d0c0b0a090807060504030201000");
    }

    static SecretBytes salt() {
        return SecretBytes.ofHex("a1a2a3a4a5a6a7a8a9aaabacadae");
    }

    static MskDelivery mskDelivery(long counter, boolean ack) {
        return MskDelivery.delivery(CSB_ID, DOMAIN, MSK_ID, msk(), VALIDITY, TimestampCounter.of(counter), RAND, IDI, IDR, ack);
    }
}
