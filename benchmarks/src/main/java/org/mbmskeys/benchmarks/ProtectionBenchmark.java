package org.mbmskeys.benchmarks;

import java.util.concurrent.TimeUnit;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
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

/**
 * Whole MBMS MIKEY messages through the public API: {@code MikeySealer.seal} (build payloads, encode the
 * Key data, derive, encrypt, encode the message, MAC) and {@code MikeyReader.read} + {@code MikeyOpener.open}
 * (decode, classify, derive, verify the MAC, decrypt, decode the Key data, check the profile). Compare
 * with {@link RawCryptoBenchmark}{@code .rawSeal*} for the same message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProtectionBenchmark {

    @Param({"jca", "bc"})
    public String suite;

    private MikeySealer sealer;
    private MikeyOpener opener;
    private SecretBytes muk;
    private SecretBytes msk;
    private MskDelivery mskDelivery;
    private MtkDelivery mtkDelivery;
    private Bytes mskMessage;
    private Bytes mtkMessage;
    private Bytes mskRand;

    @Setup
    public void setUp() {
        MbmsFixture f = new MbmsFixture();
        sealer = new MikeySealer(MbmsFixture.suite(suite));
        opener = new MikeyOpener(MbmsFixture.suite(suite));
        muk = f.muk;
        msk = f.msk;
        mskDelivery = f.mskDelivery;
        mtkDelivery = f.mtkDelivery;
        mskMessage = f.mskMessage;
        mtkMessage = f.mtkMessage;
        mskRand = f.mskRand;
        // A benchmark that measured a rejection would look fast and mean nothing: check once up front.
        if (!sealMsk().equals(mskMessage) || !sealMtk().equals(mtkMessage)) {
            throw new IllegalStateException("suite " + suite + " seals different bytes than the JCA fixture");
        }
        openMsk();
        openMtk();
    }

    @Benchmark
    public Bytes sealMsk() {
        return sealer.seal(mskDelivery, muk);
    }

    @Benchmark
    public Bytes sealMtk() {
        return sealer.seal(mtkDelivery, msk);
    }

    @Benchmark
    public OpenedMsk openMsk() {
        MskMessage m = (MskMessage) MikeyReader.read(mskMessage).orElseThrow();
        return opener.open(m, muk).orElseThrow();
    }

    @Benchmark
    public OpenedMtk openMtk() {
        MtkMessage m = (MtkMessage) MikeyReader.read(mtkMessage).orElseThrow();
        return opener.open(m, msk, mskRand, ServiceType.STREAMING).orElseThrow();
    }
}
