package org.mbmskeys.benchmarks;

import java.util.concurrent.TimeUnit;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.KemacCipher;
import org.mbmskeys.mbms.mikey.crypto.KemacKeys;
import org.mbmskeys.mbms.mikey.crypto.KemacMac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cryptography one MBMS MIKEY message needs and nothing else: no codec, no payload objects. This is
 * the ceiling {@link ProtectionBenchmark} is compared with.
 *
 * <ul>
 *   <li>(a) {@code KemacKeys.derive}: encr_key, auth_key, salt_key, three MIKEY-1 PRF calls (two
 *       HMAC-SHA-1 each) keyed with the 32-byte MUK (MSK message) or the 16-byte MSK (MTK message);</li>
 *   <li>(b) AES-CM-128 over the KEMAC plaintext (IV from salt_key, CSB ID and counter);</li>
 *   <li>(c) HMAC-SHA-1 with auth_key over the message without its MAC.</li>
 * </ul>
 * {@code rawSeal*} does (a)+(b)+(c) in the sealer's order. Opening does the same work (the MAC check is
 * the same HMAC plus a 20-byte constant-time compare), so the same figure is the ceiling for opening too.
 * Lengths come from the sealed fixture messages ({@link MbmsFixture}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RawCryptoBenchmark {

    @Param({"jca", "bc"})
    public String suite;

    private CryptoSuite cs;
    private SecretBytes muk;
    private SecretBytes msk;
    private int csbId;
    private FixtureMessage mskMsg;
    private FixtureMessage mtkMsg;
    private KemacKeys mskKeys;
    private KemacKeys mtkKeys;

    /** What one message's crypto works on. */
    private record FixtureMessage(Bytes rand, TimestampCounter counter, byte[] plaintext,
                                  byte[] wire, int macInputLength) {
    }

    @Setup
    public void setUp() {
        MbmsFixture f = new MbmsFixture();
        cs = MbmsFixture.suite(suite);
        muk = f.muk;
        msk = f.msk;
        csbId = f.csbId;
        mskMsg = new FixtureMessage(f.mskRand, f.mskCounter, f.mskPlaintext, f.mskMessage.toByteArray(),
                MbmsFixture.macInputLength(f.mskMessage));
        mtkMsg = new FixtureMessage(f.mtkRand, f.mtkCounter, f.mtkPlaintext, f.mtkMessage.toByteArray(),
                MbmsFixture.macInputLength(f.mtkMessage));
        // Pre-derived keys for the (b) and (c) benchmarks, which measure one primitive alone.
        mskKeys = KemacKeys.derive(cs, muk, csbId, f.mskRand);
        mtkKeys = KemacKeys.derive(cs, msk, csbId, f.mtkRand);
    }

    // (a) key derivation alone

    @Benchmark
    public KemacKeys deriveKemacKeysMsk() {
        return KemacKeys.derive(cs, muk, csbId, mskMsg.rand());
    }

    @Benchmark
    public KemacKeys deriveKemacKeysMtk() {
        return KemacKeys.derive(cs, msk, csbId, mtkMsg.rand());
    }

    // (b) AES-CM-128 alone

    @Benchmark
    public byte[] aesCmMsk() {
        return KemacCipher.encrypt(cs, mskKeys, csbId, mskMsg.counter(), mskMsg.plaintext());
    }

    @Benchmark
    public byte[] aesCmMtk() {
        return KemacCipher.encrypt(cs, mtkKeys, csbId, mtkMsg.counter(), mtkMsg.plaintext());
    }

    // (c) HMAC-SHA-1 over the message alone

    @Benchmark
    public byte[] hmacMsk() {
        return KemacMac.compute(cs, mskKeys.authenticationKey(), mskMsg.wire(), 0, mskMsg.macInputLength());
    }

    @Benchmark
    public byte[] hmacMtk() {
        return KemacMac.compute(cs, mtkKeys.authenticationKey(), mtkMsg.wire(), 0, mtkMsg.macInputLength());
    }

    // (a)+(b)+(c): the raw crypto of one seal

    @Benchmark
    public void rawSealMsk(Blackhole bh) {
        rawSeal(muk, mskMsg, bh);
    }

    @Benchmark
    public void rawSealMtk(Blackhole bh) {
        rawSeal(msk, mtkMsg, bh);
    }

    private void rawSeal(SecretBytes psk, FixtureMessage m, Blackhole bh) {
        KemacKeys keys = KemacKeys.derive(cs, psk, csbId, m.rand());
        bh.consume(KemacCipher.encrypt(cs, keys, csbId, m.counter(), m.plaintext()));
        bh.consume(KemacMac.compute(cs, keys.authenticationKey(), m.wire(), 0, m.macInputLength()));
    }
}
