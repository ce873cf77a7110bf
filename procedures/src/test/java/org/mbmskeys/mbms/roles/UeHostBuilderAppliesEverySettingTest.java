package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Hosts;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * Every setting of the UE host builder chains (each returns the builder) and is applied: a host configured with
 * its own clock, backend, lanes, script folder, crypto suite, User-Agent product and key store factory registers
 * a UE and opens its MSK over the network; the key store factory is asked for the UE by name and the key
 * management requests carry the configured User-Agent with {@code 3gpp-gba} (TS 33.220 Annex H step 1).
 */
class UeHostBuilderAppliesEverySettingTest {

    private final RolesWorld world = new RolesWorld();
    private final List<String> storesAskedFor = new CopyOnWriteArrayList<>();

    @TempDir
    Path noOverrides;

    @Test
    void aHostWithEverySettingGivenRegistersItsUeAndOpensTheMsk() {
        Hosts shared = world.network.hosts();
        UeHost host = UeHost.builder()
                .clock(world.time::now)
                .backend("native")
                .lanes(1)
                .scripts(noOverrides)
                .cryptoSuite(CryptoSuite.jca())
                .userAgent("ConformanceAgent/1.0")
                .keyStores(name -> {
                    storesAskedFor.add(name);
                    return UeKeyStore.inMemory();
                })
                .transport(shared).httpCodec(HttpWire.codec()).scheduler(world.time).deterministic().build();
        UbClient ub5 = world.subscriber(5);
        shared.add("carol");
        Ue carol = host.add(UeProfile.usim("carol", UiccId.of("8949440000000000055"), ub5));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);

        carol.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        carol.powerOn();
        carol.use("news");
        world.settle();

        assertThat(carol.msks("news")).extracting(MskKey::ref).containsExactly(msk);
        assertThat(storesAskedFor).containsExactly("carol");
        assertThat(world.requests()).isNotEmpty().allSatisfy(request -> assertThat(request.header("User-Agent"))
                .hasValueSatisfying(agent -> assertThat(agent).contains("ConformanceAgent/1.0").contains("3gpp-gba")));
    }
}
