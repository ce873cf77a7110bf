package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;

/**
 * The exact bytes of the project profile's MSK and MTK messages (PROFILE.md §10), annotated field by
 * field. The encrypted key data and MACs are self-computed regression values (this implementation, both
 * crypto suites agree), not official vectors: a change here is a change on the wire.
 */
class MbmsMessageGoldenTest {

    static final Bytes MSK_MESSAGE = Hex.annotated("""
            01                    # HDR: version 1
            00                    #   data type: PSK init (MSK delivery)
            15                    #   next payload: General Extension (21)
            80                    #   V=1 (verification requested) | PRF 0 = MIKEY-1
            00 f1 10 00           #   CSB ID = Key Domain 001-01 packed as a PLMN id (00 f1 10) || 00
            00                    #   #CS = 0
            01                    #   CS ID map type: empty map (RFC 4563)
            05                    # EXT: next payload T (5)
            03                    #   type: Key ID (project profile)
            00 07                 #   length 7
            01 00 04 00 01 00 02  #   Key ID Type MSK, length 4, MSK ID 00010002
            0b                    # T: next payload RAND (11)
            02                    #   TS type COUNTER
            00 00 00 07           #   counter 7
            06                    # RAND: next payload ID (6)
            10 101112131415161718191a1b1c1d1e1f
            06                    # IDi: next payload ID
            01 00 10              #   URI, 16 bytes
            626d73632e6578616d706c652e6f7267                                                   # bmsc.example.org
            01                    # IDr: next payload KEMAC (1)
            01 00 28              #   URI, 40 bytes
            4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267   # the B-TID
            00                    # KEMAC: last payload
            01                    #   Encr alg AES-CM-128
            00 1a                 #   Encr data len 26 (TGK, 16-byte MSK, KV Interval 0001..0064)
            4c12e93b5b4a3e220a32ca15270f3948ceb175823491bb08982d
            01                    #   MAC alg HMAC-SHA-1-160
            0b84bdea7b0e6a9e3ef4e3a0f000afdf006ee57c
            """);

    static final Bytes MTK_MESSAGE = Hex.annotated("""
            01 00 15 00 00f11000 00 01   # HDR: PSK init, next EXT, V=0, CSB ID of 001-01, #CS 0, empty map
            15 03 0007 01 0004 00010002  # EXT (next EXT): Key ID MSK 00010002
            05 03 0005 02 0002 0005      # EXT (next T): Key ID MTK 5
            0b 02 0000002a               # T (next RAND): COUNTER 42
            01 10 101112131415161718191a1b1c1d1e1f   # RAND (next KEMAC)
            00 01 0024                   # KEMAC: last, AES-CM-128, 36 bytes (TEK+SALT, 16-byte MTK, 14-byte salt, KV Null)
            99d4e57bb0311218454d6df86c9f444f3200a0d5bd7c04f6cf313e808d7126fdfedff0f6
            01 2452e8723fab45086fc90561a58b621b12c46a22   # MAC alg HMAC-SHA-1-160, MAC
            """);

    @Test
    void anMskDeliveryIsSealedToTheseBytes() {
        assertThat(MikeySealer.jca().seal(mskDelivery(7, true), muk())).isEqualTo(MSK_MESSAGE);
        assertThat(new MikeySealer(CryptoSuite.bouncyCastle()).seal(mskDelivery(7, true), muk())).isEqualTo(MSK_MESSAGE);
    }

    @Test
    void theGoldenMskMessageOpensToTheMsk() {
        OpenedMsk opened = MikeyOpener.jca().open((MskMessage) MikeyReader.read(MSK_MESSAGE).orElseThrow(), muk())
                .orElseThrow();
        assertThat(opened.msk()).contains(msk());
        assertThat(opened.validity()).isEqualTo(VALIDITY);
    }

    @Test
    void anMtkDeliveryIsSealedToTheseBytes() {
        var d = MtkDelivery.of(DOMAIN, MSK_ID, MtkId.of(5), mtk(), Optional.of(salt()), TimestampCounter.of(42), RAND);
        assertThat(MikeySealer.jca().seal(d, msk())).isEqualTo(MTK_MESSAGE);
    }

    @Test
    void theGoldenMtkMessageOpensToTheMtkAndSalt() {
        OpenedMtk opened = MikeyOpener.jca().open((MtkMessage) MikeyReader.read(MTK_MESSAGE).orElseThrow(), msk())
                .orElseThrow();
        assertThat(opened.mtk()).isEqualTo(mtk());
        assertThat(opened.salt()).contains(salt());
        assertThat(opened.mtkId()).isEqualTo(MtkId.of(5));
    }
}
