package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;

/** A Zn side with bootstrappings set by the test; GBA_ME, so MUK = Ks_NAF. Counts lookups. */
final class FakeBsf implements Bootstrapping {

    private record Bootstrap(String impi, SecretBytes ksNaf, Instant expiresAt) {
    }

    private final Map<BTid, Bootstrap> known = new HashMap<>();
    private final MutableClock clock;
    int lookups;

    FakeBsf(MutableClock clock) {
        this.clock = clock;
    }

    void bootstrap(String impi, BTid bTid, SecretBytes ksNaf, Instant expiresAt) {
        known.put(bTid, new Bootstrap(impi, ksNaf, expiresAt));
    }

    @Override
    public NafKeyLookup lookUp(BTid bTid, NafId nafId) {
        lookups++;
        Bootstrap b = known.get(bTid);
        if (b == null) {
            return new NafKeyLookup.UnknownBTid(bTid);
        }
        if (!clock.instant().isBefore(b.expiresAt())) {
            return new NafKeyLookup.Expired(bTid, b.expiresAt());
        }
        return new NafKeyLookup.Found(NafKeyMaterial.gbaMe(nafId, bTid, b.impi(), b.expiresAt(),
                b.ksNaf().copy()));
    }
}
