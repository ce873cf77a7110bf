package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which nonce-counts the window takes: each once, in any order, down to 64 below the highest. */
class NonceCountWindowTest {

    private static NonceCountWindow taking(long... counts) {
        NonceCountWindow w = NonceCountWindow.first(counts[0]);
        for (int i = 1; i < counts.length; i++) {
            w = w.accept(counts[i]).orElseThrow(() -> new AssertionError("refused"));
        }
        return w;
    }

    @Test
    void eachCountOnceInAnyOrder() {
        NonceCountWindow w = taking(1, 4, 2);

        assertThat(w.accept(1)).isEmpty();
        assertThat(w.accept(2)).isEmpty();
        assertThat(w.accept(4)).isEmpty();
        assertThat(w.accept(3)).contains(new NonceCountWindow(4, 0b111));
        assertThat(w.accept(5)).contains(new NonceCountWindow(5, 0b1101));
    }

    @Test
    void theWindowReachesSixtyFourBelowTheHighest() {
        NonceCountWindow w = NonceCountWindow.first(100);

        assertThat(w.accept(36)).contains(new NonceCountWindow(100, 1L << 63));
        assertThat(w.accept(35)).isEmpty();
    }

    @Test
    void aJumpOfSixtyFourKeepsTheOldHighestAtTheWindowsEdgeAndALongerOneForgetsIt() {
        NonceCountWindow w = taking(1, 2);

        assertThat(w.accept(66)).contains(new NonceCountWindow(66, 1L << 63));   // 2 is 63 below: bit 63
        assertThat(w.accept(67)).contains(new NonceCountWindow(67, 0));           // 2 is 64 below: out of the window
        assertThat(w.accept(67).flatMap(x -> x.accept(3))).contains(new NonceCountWindow(67, 1L << 63));
        assertThat(w.accept(67).flatMap(x -> x.accept(2))).isEqualTo(Optional.empty());
    }
}
