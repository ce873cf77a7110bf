package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.NAF_LIFETIME;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.START;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An operator changes the BM-SC MUK lifetime while the BM-SC runs (TS 33.246 §6.3.2.2.4): it applies to the MUKs
 * held, counted from their derivation, never beyond the NAF keys, and past it only a solicited pull may use the MUK.
 */
class UeKeysLifetimeChangeTest {

    private final BmscFixture bmsc = new BmscFixture();

    @Test
    void aShorterLifetimeSetLaterExpiresAMukAlreadyHeldCountedFromItsDerivation() {
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.clock.advance(Duration.ofHours(2));
        assertThat(bmsc.distribution.mukExpired(IMPI_A)).isFalse();

        bmsc.ueKeys.mukLifetime(Optional.of(Duration.ofHours(1)));

        assertThat(bmsc.ueKeys.mukLifetime()).hasValue(Duration.ofHours(1));
        assertThat(bmsc.ueKeys.lastKnown(IMPI_A).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(bmsc.ueKeys.forDelivery(IMPI_A)).isInstanceOf(MukUse.Expired.class);
        assertThat(bmsc.distribution.mukExpired(IMPI_A)).isTrue();
        assertThat(bmsc.ueKeys.forSolicitedPull(IMPI_A)).isPresent();   // NOTE 1: the pull may still use it
        assertThat(bmsc.distribution.push(BmscFixture.ueA(), BmscFixture.DOWNLOAD.current(), true))
                .isInstanceOfSatisfying(Preparation.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(DistributionRefusal.MUK_EXPIRED));
    }

    @Test
    void backToTheNafKeysLifetimeTheMukIsUsableAgainButNeverBeyondTheNafKeys() {
        bmsc.ueKeys.mukLifetime(Optional.of(Duration.ofHours(1)));
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.clock.advance(Duration.ofHours(2));
        assertThat(bmsc.ueKeys.forDelivery(IMPI_A)).isInstanceOf(MukUse.Expired.class);

        bmsc.ueKeys.mukLifetime(Optional.of(Duration.ofDays(30)));
        assertThat(bmsc.ueKeys.lastKnown(IMPI_A).orElseThrow().expiresAt()).isEqualTo(START.plus(NAF_LIFETIME));
        bmsc.ueKeys.mukLifetime(Optional.empty());

        assertThat(bmsc.ueKeys.lastKnown(IMPI_A).orElseThrow().expiresAt()).isEqualTo(START.plus(NAF_LIFETIME));
        assertThat(bmsc.ueKeys.forDelivery(IMPI_A)).isInstanceOf(MukUse.Usable.class);
        assertThat(bmsc.distribution.mukExpired(IMPI_A)).isFalse();
    }

    @Test
    void aMukDerivedAfterTheChangeGetsTheNewLifetimeAndABadLifetimeChangesNothing() {
        bmsc.ueKeys.mukLifetime(Optional.of(Duration.ofMinutes(30)));
        bmsc.ueKeys.lookUp(BTID_A);

        assertThatThrownBy(() -> bmsc.ueKeys.mukLifetime(Optional.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> bmsc.ueKeys.mukLifetime(Optional.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(bmsc.ueKeys.mukLifetime()).hasValue(Duration.ofMinutes(30));
        assertThat(bmsc.ueKeys.lastKnown(IMPI_A).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void noMukAtAllIsNotAnExpiredMuk() {
        assertThat(bmsc.distribution.mukExpired(IMPI_A)).isFalse();
    }
}
