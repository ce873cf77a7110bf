package org.mbmskeys.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/**
 * The bare crypto of one MSK push with ACK per UE, through the {@code mbms.mikey.protection} API the role code
 * calls: {@code MikeySealer.seal(MskDelivery, muk)}, {@code MikeyReader.read} + {@code MikeyOpener.open},
 * {@code MikeySealer.acknowledge}, {@code MikeyReader.read} + {@code MikeyOpener.verify}. The baseline the
 * re-key harnesses hold their end-to-end runs against ({@code rekey.RekeyThroughput} on the in-memory network,
 * {@code udp.MskPushesOverUdp} over loopback UDP), so both measure against the same loop.
 *
 * <p>Keys and IDs have the shapes of the real ones: a 32-byte MUK per UE, the UE's B-TID as IDr, the BM-SC's FQDN
 * as IDi, a 16-byte MSK; all from a fixed seed. Not thread-safe: one harness thread runs it.
 */
public final class PushAckCrypto {

    private static final MskId MSK_ID = MskId.parseHex("01010002");
    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");

    private final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
    private final MikeyOpener opener = new MikeyOpener(CryptoSuite.jca());
    private final Random random = new Random(7);
    private final String bmsc;
    private final Bytes idi;
    private final SecretBytes[] muks;
    private final String[] idrs;
    private final SecretBytes msk;
    private final Bytes rand;
    private long counter = 1;
    private long sink;

    /**
     * @param bmsc  the BM-SC's FQDN (IDi)
     * @param bTids the UEs' B-TIDs (IDr), one UE each
     */
    public PushAckCrypto(String bmsc, String[] bTids) {
        this.bmsc = Objects.requireNonNull(bmsc, "bmsc");
        idi = Bytes.wrap(bmsc.getBytes(StandardCharsets.US_ASCII));
        idrs = bTids.clone();
        muks = new SecretBytes[idrs.length];
        for (int i = 0; i < muks.length; i++) {
            muks[i] = SecretBytes.wrap(randomBytes(32));
        }
        msk = SecretBytes.wrap(randomBytes(16));
        rand = Bytes.wrap(randomBytes(16));
    }

    /**
     * Each step for all UEs before the next, in the order the two roles run them end to end: the BM-SC seals every
     * push, then every UE reads and opens its push and builds its ACK, then the BM-SC reads and checks every ACK. As
     * between two machines, no step finds the AES key it needs still expanded from the step before.
     */
    public void phased() {
        int n = muks.length;
        CsbId[] csbIds = new CsbId[n];
        TimestampCounter[] counters = new TimestampCounter[n];
        Bytes[] messages = new Bytes[n];
        for (int i = 0; i < n; i++) {
            csbIds[i] = CsbId.of(random.nextInt());
            counters[i] = TimestampCounter.of(counter++);
            messages[i] = sealer.seal(delivery(csbIds[i], counters[i], i), muks[i]);
        }
        Bytes[] idrsSent = new Bytes[n];
        for (int i = 0; i < n; i++) {
            MskMessage m = (MskMessage) MikeyReader.read(messages[i]).orElseThrow();
            OpenedMsk opened = opener.open(m, muks[i]).orElseThrow();
            idrsSent[i] = m.idr().data();
            messages[i] = sealer.acknowledge(opened, muks[i]);
            opened.msk().ifPresent(SecretBytes::destroy);
        }
        for (int i = 0; i < n; i++) {
            VerificationMessage v = (VerificationMessage) MikeyReader.read(messages[i]).orElseThrow();
            AckExpectation expected = new AckExpectation(csbIds[i], rand, idi, idrsSent[i], counters[i]);
            sink += opener.verify(v, expected, muks[i]).orElseThrow().counter().value();
        }
    }

    /**
     * The four steps for one UE after the other: the baseline until 2026-12-04, kept for comparison with the
     * figures reported before. The UE's open then runs AES-CTR under the key the BM-SC's seal has just used, and
     * the JDK's AES (which keeps the last key's expansion) skips the key schedule, a saving no UE on a machine of its
     * own gets.
     */
    public void interleaved() {
        for (int i = 0; i < muks.length; i++) {
            CsbId csbId = CsbId.of(random.nextInt());
            TimestampCounter c = TimestampCounter.of(counter++);
            Bytes push = sealer.seal(delivery(csbId, c, i), muks[i]);
            MskMessage m = (MskMessage) MikeyReader.read(push).orElseThrow();
            OpenedMsk opened = opener.open(m, muks[i]).orElseThrow();
            Bytes ack = sealer.acknowledge(opened, muks[i]);
            VerificationMessage v = (VerificationMessage) MikeyReader.read(ack).orElseThrow();
            AckExpectation expected = new AckExpectation(csbId, rand, idi, m.idr().data(), c);
            sink += opener.verify(v, expected, muks[i]).orElseThrow().counter().value();
            opened.msk().ifPresent(SecretBytes::destroy);
        }
    }

    /** What the runs computed (the verified counters' sum), so that the JIT cannot drop them. */
    public long sink() {
        return sink;
    }

    private MskDelivery delivery(CsbId csbId, TimestampCounter c, int ue) {
        return MskDelivery.delivery(csbId, DOMAIN, MSK_ID, msk, Bmsc.DEFAULT_VALIDITY, c, rand, bmsc, idrs[ue], true);
    }

    private byte[] randomBytes(int k) {
        byte[] b = new byte[k];
        random.nextBytes(b);
        return b;
    }
}
