package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * A rotation reaches every UE registered to the Key Group's services, however many: the BM-SC reads the
 * registrations a page of 1,000 at a time, and a full page is not the last one (TS 33.246 §6.3.2.3.1).
 */
class BmscRekeysEveryRegisteredUePageByPageTest {

    @Test
    void aRotationStartsOnePushPerRegisteredUeAcrossPages() {
        RegistrationStorage storage = RegistrationStorage.inMemory();
        for (int i = 0; i < 1_001; i++) {
            String impi = String.format("user%04d@ims.example.org", i);
            storage.insert(new Registration(impi, BTid.of(Bytes.wrap(new byte[16]), "bsf.example.org"),
                    Endpoint.of("ue" + i, 40000), Set.of(ServiceId.of("news")), Optional.empty()));
        }
        TraceRecorder trace = new TraceRecorder();
        RolesWorld world = new RolesWorld(b -> b.registrationStorage(storage).listener(trace));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);

        world.bmsc.rotate(RolesWorld.NEWS);
        world.settle();

        assertThat(trace.instances()).filteredOn(i -> i.procedure().equals(Bmsc.MSK_PUSH))
                .extracting(i -> i.key().toString().substring(0, 12)).doesNotHaveDuplicates().hasSize(1_001);
    }
}
