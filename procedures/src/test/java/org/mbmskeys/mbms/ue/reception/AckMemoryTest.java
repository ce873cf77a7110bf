package org.mbmskeys.mbms.ue.reception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MukId;

/**
 * What the UE remembers to answer a repeated MSK message with the same verification message (TS 33.246
 * §6.3.2.3.1): the last message per MUK, for at most {@link AckMemory#MAX_MUKS} MUKs.
 */
class AckMemoryTest {

    private final AckMemory memory = new AckMemory();

    private static MukId muk(int n) {
        return MukId.of("bmsc" + n + ".example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    }

    @Test
    void answersOnlyTheVeryBytesLastAcknowledgedUnderThatMuk() {
        memory.remember(muk(1), Bytes.ofHex("0102"), Bytes.ofHex("aa"));

        assertThat(memory.answerFor(muk(1), Bytes.ofHex("0102"))).contains(Bytes.ofHex("aa"));
        assertThat(memory.answerFor(muk(1), Bytes.ofHex("0103"))).isEmpty();
        assertThat(memory.answerFor(muk(2), Bytes.ofHex("0102"))).isEmpty();
    }

    @Test
    void keepsTheLastMessageOfEachOfSixteenMuksAndForgetsTheLeastRecentlyUsedBeyond() {
        for (int n = 1; n <= AckMemory.MAX_MUKS; n++) {
            memory.remember(muk(n), Bytes.ofHex("01"), Bytes.ofHex("aa"));
        }
        assertThat(memory.size()).isEqualTo(16);
        assertThat(memory.answerFor(muk(1), Bytes.ofHex("01"))).isPresent(); // used: muk(2) is now the eldest

        memory.remember(muk(17), Bytes.ofHex("01"), Bytes.ofHex("aa"));

        assertThat(memory.size()).isEqualTo(16);
        assertThat(memory.answerFor(muk(2), Bytes.ofHex("01"))).isEmpty();
        assertThat(memory.answerFor(muk(1), Bytes.ofHex("01"))).isPresent();
        assertThat(memory.answerFor(muk(17), Bytes.ofHex("01"))).isPresent();
    }

    @Test
    void clearForgetsEverything() {
        memory.remember(muk(1), Bytes.ofHex("01"), Bytes.ofHex("aa"));
        memory.clear();
        assertThat(memory.size()).isZero();
        assertThat(memory.answerFor(muk(1), Bytes.ofHex("01"))).isEmpty();
    }
}
