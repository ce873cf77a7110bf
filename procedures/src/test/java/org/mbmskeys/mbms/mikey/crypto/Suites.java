package org.mbmskeys.mbms.mikey.crypto;

import java.util.stream.Stream;

/** Both {@link CryptoSuite}s: every crypto test runs once per suite. */
final class Suites {

    /** For {@code @MethodSource}. */
    static final String BOTH = "org.mbmskeys.mbms.mikey.crypto.Suites#both";

    private Suites() {
    }

    static Stream<CryptoSuite> both() {
        return Stream.of(CryptoSuite.jca(), CryptoSuite.bouncyCastle());
    }
}
