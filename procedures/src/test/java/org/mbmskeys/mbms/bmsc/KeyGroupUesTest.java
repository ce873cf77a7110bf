package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;

/** The UEs of a Key Group, read a page of 1,000 at a time: all of them, each once, in IMPI order, then no more. */
class KeyGroupUesTest {

    private static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));

    private static Registrations registered(int ues) {
        UserServices services = new UserServices();
        services.define(UserService.of(ServiceId.of("news"), ServiceType.DOWNLOAD, NEWS));
        RegistrationStorage storage = RegistrationStorage.inMemory();
        for (int i = 0; i < ues; i++) {
            storage.insert(new Registration(impi(i), BTid.of(Bytes.wrap(new byte[16]), "bsf.example.org"),
                    Endpoint.of("ue" + i, 2269), Set.of(ServiceId.of("news")), Optional.empty()));
        }
        return Registrations.create(storage, services, Membership.open());
    }

    private static String impi(int i) {
        return String.format("user%05d@ims.example.org", i);
    }

    @Test
    void everyUeOnceInImpiOrderAcrossFullAndPartPages() {
        KeyGroupUes ues = new KeyGroupUes(registered(2 * KeyGroupUes.PAGE + 1), NEWS);
        List<String> seen = new ArrayList<>();
        ues.forEachRemaining(seen::add);

        assertThat(seen).hasSize(2 * KeyGroupUes.PAGE + 1).doesNotHaveDuplicates().isSorted()
                .startsWith(impi(0)).endsWith(impi(2 * KeyGroupUes.PAGE));
        assertThat(ues.hasNext()).isFalse();
        assertThat(ues.hasNext()).as("asked again after the last page").isFalse();
        assertThatThrownBy(ues::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("0101");
    }

    @Test
    void exactlyOneFullPageEndsAfterAnEmptyOne() {
        KeyGroupUes ues = new KeyGroupUes(registered(KeyGroupUes.PAGE), NEWS);
        int n = 0;
        while (ues.hasNext()) {
            ues.next();
            n++;
        }
        assertThat(n).isEqualTo(KeyGroupUes.PAGE);
        assertThat(ues.hasNext()).isFalse();
    }

    @Test
    void noUeRegisteredMeansNothingToRead() {
        KeyGroupUes ues = new KeyGroupUes(registered(0), NEWS);
        assertThat(ues.hasNext()).isFalse();
        assertThatThrownBy(ues::next).isInstanceOf(NoSuchElementException.class);
    }
}
