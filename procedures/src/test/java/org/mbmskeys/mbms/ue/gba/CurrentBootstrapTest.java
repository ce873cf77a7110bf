package org.mbmskeys.mbms.ue.gba;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.gba.BTid;

/** A bootstrapping's key lifetime (TS 33.220): its keys are valid strictly before the end. */
class CurrentBootstrapTest {

    private static final Instant END = Instant.parse("2026-12-05T10:00:00Z");
    private final CurrentBootstrap bootstrap =
            new CurrentBootstrap(BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"), END);

    @Test
    void validUpToTheLastInstantBeforeTheEnd() {
        assertThat(bootstrap.isExpiredAt(END.minusNanos(1))).isFalse();
    }

    @Test
    void expiredFromTheEndOn() {
        assertThat(bootstrap.isExpiredAt(END)).isTrue();
        assertThat(bootstrap.isExpiredAt(END.plusSeconds(1))).isTrue();
    }
}
