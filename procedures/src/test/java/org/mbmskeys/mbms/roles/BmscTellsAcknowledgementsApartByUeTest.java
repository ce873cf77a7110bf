package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;

/**
 * A CSB ID is 32 random bits drawn per push (TS 33.246 §6.4.5.1), so among 100,000 pushes of one re-key two
 * UEs get the same one about once. The BM-SC must still tell their verification messages apart: it matches an
 * answer by CSB ID and the UE's IDr (the B-TID of the MUK, which the verification message echoes, §6.4.5.2).
 * Found by the 100,000-UE re-key benchmark, where 2 of 100,000 UEs were left unacknowledged.
 */
class BmscTellsAcknowledgementsApartByUeTest {

    /** The BM-SC's randomness, except that every 4-byte draw (a CSB ID) is the same. */
    private static RandomBytes sameCsbIdEveryTime() {
        RandomBytes rest = RolesWorld.seeded(3);
        return n -> n == 4 ? Bytes.ofHex("0a0b0c0d") : rest.next(n);
    }

    private final RolesWorld world = new RolesWorld(b -> b.random(sameCsbIdEveryTime()).rekeying(Bmsc.Rekeying.PUSH));

    private Ue registered(String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    @Test
    void twoPushesWithTheSameCsbIdAreEachAcknowledgedByTheirOwnUe() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        registered("alice");
        registered("bob");

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofMinutes(3));

        for (int ue = 1; ue <= 2; ue++) {
            assertThat(world.bmsc.deliveries(RolesWorld.impi(ue))).as("deliveries to UE %d", ue)
                    .filteredOn(d -> d.msk().equals(next))
                    .extracting(DeliveryRecord::outcome, DeliveryRecord::attempts)
                    .containsExactly(tuple(DeliveryOutcome.DELIVERED, 1));
        }
    }
}
