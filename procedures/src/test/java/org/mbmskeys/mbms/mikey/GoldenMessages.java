package org.mbmskeys.mbms.mikey;

import java.util.Base64;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;

/**
 * Wire fixtures, one field per line. The MBMS messages are written by hand from TS 33.246 §6.4.4 (Key ID
 * extension), §6.4.5.1 (MSK message), §6.4.5.2 (verification message), §6.4.5.3 (MTK message), RFC 4563
 * §4 Figures 1 and 2 and RFC 3830 §6 (self-made, not captured from any other implementation); the ONVIF
 * message is public (vectors/mikey-null-onvif.json).
 */
final class GoldenMessages {

    private GoldenMessages() {
    }

    static final String BMSC_FQDN = "bmsc.example.org";
    static final String B_TID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";

    /** Download MSK message (TS 33.246 §6.4.5.1): Empty map, one Key ID EXT, IDs of type NAI; 170 bytes, MAC at 150. */
    static final Bytes MSK_DELIVERY = Hex.annotated("""
            01            # 0   HDR version 1
            00            # 1   data type 0: PSK init (MSK delivery)
            15            # 2   next payload: General Extension (21)
            80            # 3   V=1 (ask for verification) | PRF 0 = MIKEY-1
            c5 b1 d0 01   # 4   CSB ID (any value, TS 33.246 §6.4.2)
            00            # 8   #CS = 0
            01            # 9   CS ID map type: Empty map (RFC 4563 §5)
            05            # 10  EXT next payload: T (5)
            03            # 11  EXT type: Key ID (RFC 4563 §4)
            00 0b         # 12  EXT length 11
            00            # 14  Key ID Type: Key Domain ID (0)
            03            # 15  Key ID Length 3
            00 f1 10      # 16  Key Domain ID 001-01 (BCD, U2)
            01            # 19  Key ID Type: MSK ID (1)
            04            # 20  Key ID Length 4
            00 01 00 02   # 21  MSK ID: Key Group 0001, Key Number 0002
            0b            # 25  T next payload: RAND (11)
            02            # 26  TS type: COUNTER
            00 00 00 65   # 27  counter 101
            06            # 31  RAND next payload: ID (6)
            10            # 32  RAND len 16
            10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f   # 33  RAND
            06            # 49  IDi next payload: ID (6)
            00            # 50  ID type: NAI (TS 33.246 §6.4.5.1)
            00 10         # 51  ID len 16
            62 6d 73 63 2e 65 78 61 6d 70 6c 65 2e 6f 72 67   # 53  "bmsc.example.org"
            01            # 69  IDr next payload: KEMAC (1)
            00            # 70  ID type: NAI
            00 28         # 71  ID len 40
            49 31 55 38 76 70 59 33 71 4a 30 68 69 75 5a 4e   # 73  "I1U8vpY3qJ0hiuZN"
            72 6b 65 2f 4e 51 3d 3d 40 62 73 66 2e 65 78 61   #     "rke/NQ==@bsf.exa"
            6d 70 6c 65 2e 6f 72 67                           #     "mple.org"
            00            # 113 KEMAC next payload: last (0)
            01            # 114 Encr alg: AES-CM-128
            00 20         # 115 Encr data len 32
            a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af   # 117 Encr data (opaque here)
            b0 b1 b2 b3 b4 b5 b6 b7 b8 b9 ba bb bc bd be bf
            01            # 149 MAC alg: HMAC-SHA-1-160
            c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 ca cb cc cd ce cf d0 d1 d2 d3   # 150 MAC (20 bytes)
            """);

    static final int MSK_DELIVERY_MAC_OFFSET = 150;

    /**
     * Download MTK message (TS 33.246 §6.4.5.3): HDR, EXT{Key Domain, MSK ID, MTK ID}, T, KEMAC, no RAND;
     * 80 bytes, MAC at 60. The encrypted data here is opaque.
     */
    static final Bytes MTK_DOWNLOAD = Hex.annotated("""
            01            # 0   HDR version 1
            00            # 1   data type 0: PSK init
            15            # 2   next payload: General Extension (21)
            00            # 3   V=0 | PRF MIKEY-1
            c5 b1 d0 03   # 4   CSB ID
            00            # 8   #CS = 0
            01            # 9   CS ID map type: Empty map
            05            # 10  EXT next payload: T (5)
            03            # 11  EXT type: Key ID
            00 0f         # 12  EXT length 15
            00 03 00 f1 10         # 14  Key Domain ID 001-01
            01 04 00 01 00 02      # 19  MSK ID 0001/0002
            02 02 00 05            # 25  MTK ID 5
            01            # 29  T next payload: KEMAC (1)
            02            # 30  TS type: COUNTER
            00 00 00 07   # 31  counter 7
            00            # 35  KEMAC next payload: last (0)
            01            # 36  Encr alg: AES-CM-128
            00 14         # 37  Encr data len 20 (TGK, KV Null, 16-byte MTK)
            a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af b0 b1 b2 b3   # 39  Encr data
            01            # 59  MAC alg: HMAC-SHA-1-160
            c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 ca cb cc cd ce cf d0 d1 d2 d3   # 60  MAC (20 bytes)
            """);

    static final int MTK_DOWNLOAD_MAC_OFFSET = 60;

    /**
     * Streaming MSK message (TS 33.246 §6.4.5.1, §6.6.2.1): #CS 1 with the SRTP-ID map entry, and the SRTP
     * SP before the KEMAC; 203 bytes, MAC at 183. Sealed by the independent Python reproduction.
     */
    static final Bytes STREAMING_MSK = Hex.annotated("""
            01 00 15 00   # 0   HDR version 1, PSK init, next EXT, V=0 | PRF MIKEY-1
            c5 b1 d0 01   # 4   CSB ID
            01            # 8   #CS = 1
            00            # 9   CS ID map type: SRTP-ID (RFC 3830 §6.1.1)
            00 0a0b0c0d 00000000   # 10  Policy_no 0, SSRC 0a0b0c0d, ROC 0
            05 03 000b 00 03 00f110 01 04 00010002   # 19  EXT: Key Domain 001-01, MSK ID 00010002
            0b 02 00000009                           # 34  T: COUNTER 9
            06 10 101112131415161718191a1b1c1d1e1f   # 40  RAND
            06 00 0010 626d73632e6578616d706c652e6f7267   # 58  IDi, NAI
            0a 00 0028 4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                          # 78  IDr, NAI; next payload SP (10)
            01 00 00 0019 # 122 SP: next KEMAC, Policy no 0, Prot type SRTP, param length 25
            00 01 01 01 01 10 02 01 01 04 01 0e 0b 01 0a   # 127 AES-CM, key 16, HMAC-SHA-1, salt 14, SRTCP tag 10
            0d 02 0001 0e 01 02 12 01 0e                    # 142 RFC 4771: R 1, RCCm1, SRTP tag 14
            00 01 001a    # 152 KEMAC: last, AES-CM-128, Encr data len 26
            21d87bf9cf678f46ee08f2b79f188e82c3a232b38efb3a0b817a   # 156
            01            # 182 MAC alg
            b4922a2e1b71458d1a4c6f8098fb496c8db5861c   # 183 MAC
            """);

    static final int STREAMING_MSK_MAC_OFFSET = 183;

    /** MSK verification message (TS 33.246 §6.4.5.2): HDR, T, IDr, V; 82 bytes, V data at 62. */
    static final Bytes VERIFICATION = Hex.annotated("""
            01            # 0   HDR version 1
            01            # 1   data type 1: PSK verification
            05            # 2   next payload: T (5)
            00            # 3   V=0 | PRF MIKEY-1
            c5 b1 d0 01   # 4   CSB ID (the MSK message's)
            00            # 8   #CS = 0
            01            # 9   CS ID map type: Empty map
            06            # 10  T next payload: ID (6)
            02            # 11  TS type: COUNTER
            00 00 00 65   # 12  counter 101 (of the MSK message answered)
            09            # 16  IDr next payload: V (9)
            00            # 17  ID type: NAI
            00 28         # 18  ID len 40
            49 31 55 38 76 70 59 33 71 4a 30 68 69 75 5a 4e   # 20  B-TID
            72 6b 65 2f 4e 51 3d 3d 40 62 73 66 2e 65 78 61
            6d 70 6c 65 2e 6f 72 67
            00            # 60  V next payload: last (0)
            01            # 61  Auth alg: HMAC-SHA-1-160
            e0 e1 e2 e3 e4 e5 e6 e7 e8 e9 ea eb ec ed ee ef f0 f1 f2 f3   # 62  verification data
            """);

    static final int VERIFICATION_MAC_OFFSET = 62;

    /** A generic MIKEY error message (RFC 3830 §5.1.2 shape): HDR (data type 6), T, ERR. */
    static final Bytes ERROR = Hex.annotated("""
            01 06 05 00 c5 b1 d0 01 00 01   # 0   HDR: v1, data type 6 (error), next T, V=0 PRF 0, CSB ID, #CS 0, empty map
            0c            # 10  T next payload: ERR (12)
            02 00 00 00 66   # 11  TS type COUNTER, counter 102
            00            # 16  ERR next payload: last
            03            # 17  Error no 3: Invalid MAC
            00 00         # 18  Reserved
            """);

    /** The public ONVIF MIKEY-NULL I_MESSAGE (102 bytes). */
    static Bytes onvif() {
        return Bytes.wrap(Base64.getDecoder().decode(Vectors.field("mikey-null-onvif.json", "base64")));
    }
}
