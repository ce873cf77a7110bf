package org.mbmskeys.benchmarks;

import java.util.concurrent.TimeUnit;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The non-crypto part of sealing and opening: {@code MikeyCodec.encode} and {@code decode} of the fixture
 * messages, and {@code MikeyReader.read} (decode + classify), which is the first half of every open. No
 * suite parameter: none of this touches a key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {

    private Bytes mskMessage;
    private Bytes mtkMessage;
    private MikeyMessage mskDecoded;
    private MikeyMessage mtkDecoded;

    @Setup
    public void setUp() {
        MbmsFixture f = new MbmsFixture();
        mskMessage = f.mskMessage;
        mtkMessage = f.mtkMessage;
        mskDecoded = MikeyCodec.decode(mskMessage).message();
        mtkDecoded = MikeyCodec.decode(mtkMessage).message();
        if (!MikeyReader.read(mskMessage).isOpened() || !MikeyReader.read(mtkMessage).isOpened()) {
            throw new IllegalStateException("fixture messages are rejected by MikeyReader");
        }
    }

    @Benchmark
    public Bytes encodeMsk() {
        return MikeyCodec.encode(mskDecoded);
    }

    @Benchmark
    public Bytes encodeMtk() {
        return MikeyCodec.encode(mtkDecoded);
    }

    @Benchmark
    public DecodedMikey decodeMsk() {
        return MikeyCodec.decode(mskMessage);
    }

    @Benchmark
    public DecodedMikey decodeMtk() {
        return MikeyCodec.decode(mtkMessage);
    }

    @Benchmark
    public OpenResult<InboundMikey> readMsk() {
        return MikeyReader.read(mskMessage);
    }

    @Benchmark
    public OpenResult<InboundMikey> readMtk() {
        return MikeyReader.read(mtkMessage);
    }
}
