package org.mbmskeys.mbms.mikey;

import java.util.Base64;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;

/**
 * Wire fixtures, one field per line. The MBMS-shaped messages are written by hand from PROFILE.md §1.2,
 * §1.4 and §10 (self-made, not captured from any other implementation); the ONVIF message is public
 * (vectors/mikey-null-onvif.json, PROFILE.md §1.4).
 */
final class GoldenMessages {

    private GoldenMessages() {
    }

    static final String BMSC_FQDN = "bmsc.example.org";
    static final String B_TID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";

    /** MSK delivery shape of the project profile (PROFILE.md §10); 166 bytes, MAC at 146. */
    static final Bytes MSK_DELIVERY = Hex.annotated("""
            01            # 0   HDR version 1
            00            # 1   data type 0: PSK init (MSK delivery)
            15            # 2   next payload: General Extension (21)
            80            # 3   V=1 (ask for verification) | PRF 0 = MIKEY-1
            00 f1 10 00   # 4   CSB ID
            00            # 8   #CS = 0
            01            # 9   CS ID map type: empty map (RFC 4563)
            05            # 10  EXT next payload: T (5)
            03            # 11  EXT type: Key ID (interim 3)
            00 07         # 12  EXT length 7
            01            # 14  Key ID Type: MSK (interim 1)
            00 04         # 15  Key ID len 4
            00 01 00 02   # 17  MSK ID: Key Group 0001, Key Number 0002
            0b            # 21  T next payload: RAND (11)
            02            # 22  TS type: COUNTER
            00 00 00 65   # 23  counter 101
            06            # 27  RAND next payload: ID (6)
            10            # 28  RAND len 16
            10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f   # 29  RAND
            06            # 45  IDi next payload: ID (6)
            01            # 46  ID type: URI
            00 10         # 47  ID len 16
            62 6d 73 63 2e 65 78 61 6d 70 6c 65 2e 6f 72 67   # 49  "bmsc.example.org"
            01            # 65  IDr next payload: KEMAC (1)
            01            # 66  ID type: URI
            00 28         # 67  ID len 40
            49 31 55 38 76 70 59 33 71 4a 30 68 69 75 5a 4e   # 69  "I1U8vpY3qJ0hiuZN"
            72 6b 65 2f 4e 51 3d 3d 40 62 73 66 2e 65 78 61   #     "rke/NQ==@bsf.exa"
            6d 70 6c 65 2e 6f 72 67                           #     "mple.org"
            00            # 109 KEMAC next payload: last (0)
            01            # 110 Encr alg: AES-CM-128
            00 20         # 111 Encr data len 32
            a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af   # 113 Encr data (opaque here)
            b0 b1 b2 b3 b4 b5 b6 b7 b8 b9 ba bb bc bd be bf
            01            # 145 MAC alg: HMAC-SHA-1-160
            c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 ca cb cc cd ce cf d0 d1 d2 d3   # 146 MAC (20 bytes)
            """);

    static final int MSK_DELIVERY_MAC_OFFSET = 146;

    /** MSK verification message (the MIKEY ACK) of the profile: HDR, T, IDr, V; 82 bytes, V data at 62. */
    static final Bytes VERIFICATION = Hex.annotated("""
            01            # 0   HDR version 1
            01            # 1   data type 1: PSK verification
            05            # 2   next payload: T (5)
            00            # 3   V=0 | PRF MIKEY-1
            00 f1 10 00   # 4   CSB ID (same as the MSK message)
            00            # 8   #CS = 0
            01            # 9   CS ID map type: empty map
            06            # 10  T next payload: ID (6)
            02            # 11  TS type: COUNTER
            00 00 00 65   # 12  counter 101 (of the MSK message answered)
            09            # 16  IDr next payload: V (9)
            01            # 17  ID type: URI
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
            01 06 05 00 00 f1 10 00 00 01   # 0   HDR: v1, data type 6 (error), next T, V=0 PRF 0, CSB ID, #CS 0, empty map
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
