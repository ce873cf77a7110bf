package org.mbmskeys.benchmarks.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Random;

/**
 * The HTTP requests of the hostile run: random bytes, and key management requests (register, deregister, MSK
 * request, with TS 26.346 bodies and Digest headers) broken in the ways a faulty or hostile client breaks them.
 */
final class HostileRequests {

    private static final String[] TYPES = {"register", "deregister", "msk-request"};
    private static final String[] BODIES = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityRegister xmlns=\"urn:3GPP:metadata:2005:MBMS:securityRegistration\">"
                + "<serviceID>urn:3gpp:mbms:maps</serviceID></mbmsSecurityRegister>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityDeregister xmlns=\"urn:3GPP:metadata:2005:MBMS:securityDeregistration\">"
                + "<serviceID>urn:3gpp:mbms:maps</serviceID></mbmsSecurityDeregister>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><requestMSK xmlns=\"urn:3GPP:metadata:2005:MBMS:mskRequest\">"
                + "<keyDomainID>AAEQ</keyDomainID><MSKID>AgIAAA==</MSKID></requestMSK>",
    };
    private static final String[] MEDIA = {"application/mbms-register+xml", "application/mbms-deregister+xml",
        "application/mbms-msk-request+xml"};

    private HostileRequests() {
    }

    /** The next request; its family goes into {@code kind[0]}. */
    static byte[] next(Random random, String realBTid, String[] kind) {
        int t = random.nextInt(TYPES.length);
        String bTid = random.nextBoolean() ? realBTid : "AAECAwQFBgcICQoLDA0ODw==@bsf.example.org";
        switch (random.nextInt(8)) {
            case 0 -> {
                kind[0] = "random-bytes";
                byte[] r = new byte[1 + random.nextInt(600)];
                random.nextBytes(r);
                r[r.length - 1] = '\n';
                return r;
            }
            case 1, 2 -> {
                kind[0] = "bytes-flipped";
                byte[] r = request(t, bTid, BODIES[t], "").getBytes(US_ASCII);
                for (int f = 1 + random.nextInt(4); f > 0; f--) {
                    r[random.nextInt(r.length)] = (byte) random.nextInt(256);
                }
                return r;
            }
            case 3 -> {
                kind[0] = "cut-short";
                byte[] whole = request(t, bTid, BODIES[t], "").getBytes(US_ASCII);
                return java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
            }
            case 4 -> {
                kind[0] = "oversized-header";
                return request(t, bTid, BODIES[t], "X-Padding: " + "a".repeat(10_000 + random.nextInt(20_000)) + "\r\n")
                        .getBytes(US_ASCII);
            }
            case 5 -> {
                kind[0] = "oversized-body";
                String r = request(t, bTid, BODIES[t], "");
                return r.replaceFirst("Content-Length: \\d+", "Content-Length: " + (1_000_000 + random.nextInt(9_000_000)))
                        .getBytes(US_ASCII);
            }
            case 6 -> {
                kind[0] = "broken-xml";
                String body = BODIES[t].substring(0, random.nextInt(BODIES[t].length())) + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;";
                return request(t, bTid, body, "").getBytes(US_ASCII);
            }
            default -> {
                kind[0] = "wrong-digest";
                return request(t, bTid, BODIES[t], "").getBytes(US_ASCII);
            }
        }
    }

    private static String request(int type, String bTid, String body, String extraHeader) {
        String uri = "/keymanagement?requesttype=" + TYPES[type];
        return "POST " + uri + " HTTP/1.1\r\nHost: bmsc.example.org\r\nUser-Agent: hostile 3gpp-gba\r\n"
                + "Content-Type: " + MEDIA[type] + "\r\nContent-Length: " + body.getBytes(US_ASCII).length + "\r\n"
                + extraHeader
                + "Authorization: Digest username=\"" + bTid + "\", realm=\"3GPP-bootstrapping@bmsc.example.org\", "
                + "nonce=\"AAAAAAAAAAAAAAAAAAAAAA==\", uri=\"" + uri + "\", response=\"0123456789abcdef0123456789abcdef\", "
                + "qop=auth-int, nc=00000001, cnonce=\"c0ffee\", algorithm=MD5\r\n\r\n" + body;
    }
}
