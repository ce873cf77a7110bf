package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The suites keep one engine per thread; two threads hammering one suite with interleaved HMAC-SHA-1,
 * HMAC-SHA-256, AES-CTR and whole KEMAC derivations get exactly the results of a sequential run. No sleeps:
 * a barrier starts both threads together.
 */
class SuiteConcurrencyTest {

    private static final int CALLS_PER_THREAD = 2_000;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void twoThreadsGetTheSequentialResults(CryptoSuite suite) throws Exception {
        List<List<Operation>> work = List.of(operations(new Random(1)), operations(new Random(2)));
        List<List<String>> sequential = new ArrayList<>();
        for (List<Operation> ops : work) {
            sequential.add(run(suite, ops));
        }

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (List<Operation> ops : work) {
                Callable<List<String>> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return run(suite, ops);
                };
                futures.add(pool.submit(task));
            }
            for (int t = 0; t < 2; t++) {
                assertThat(futures.get(t).get(60, TimeUnit.SECONDS)).as("thread %d", t).isEqualTo(sequential.get(t));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One call on a suite with fixed inputs; {@code kind} picks the primitive. */
    private record Operation(int kind, byte[] key, byte[] iv, byte[] data) {
    }

    private static List<Operation> operations(Random random) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            int kind = random.nextInt(4);
            byte[] key = new byte[kind == 2 ? 16 : 1 + random.nextInt(40)];
            byte[] iv = new byte[16];
            byte[] data = new byte[random.nextInt(120)];
            random.nextBytes(key);
            random.nextBytes(iv);
            random.nextBytes(data);
            ops.add(new Operation(kind, key, iv, data));
        }
        return ops;
    }

    private static List<String> run(CryptoSuite suite, List<Operation> ops) {
        List<String> results = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            results.add(switch (op.kind()) {
                case 0 -> Hex.encode(suite.hmacSha1(op.key(), op.data(), 0, op.data().length));
                case 1 -> Hex.encode(suite.hmacSha256(op.key(), op.data()));
                case 2 -> Hex.encode(suite.aesCtr(op.key(), op.iv(), op.data(), 0, op.data().length));
                default -> {
                    KemacKeys keys = KemacKeys.derive(suite, SecretBytes.of(op.key()), 0x01020304,
                            Bytes.wrap(op.iv()));
                    yield Hex.encode(KemacCipher.encrypt(suite, keys, 0x01020304, TimestampCounter.of(7), op.data()))
                            + KemacMac.compute(suite, keys.authenticationKey(), Bytes.wrap(op.data()));
                }
            });
        }
        return results;
    }
}
