package org.mbmskeys.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.mbmskeys.engine.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The small SPI values validate their input and print usefully. */
class SpiValuesTest {

    @Test
    void anEndpointNeedsAHostAndAPortInRange() {
        assertThat(Endpoint.of("bmsc.test", 2269)).hasToString("bmsc.test:2269");
        assertThatThrownBy(() -> Endpoint.of(" ", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an endpoint needs a host name or address, got ' '");
        assertThatThrownBy(() -> Endpoint.of("h", 70000))
                .hasMessage("port of h must be 0..65535, got 70000");
    }

    @Test
    void anEnvelopeBecomesARequestWithAReplyHandle() {
        Envelope datagram = Envelope.of(Endpoint.of("ue", 1), Endpoint.of("bmsc", 2), Bytes.ofHex("0102"));
        ReplyHandle handle = payload -> { };

        Envelope request = datagram.withReplyHandle(handle);

        assertThat(datagram.replyHandle()).isEmpty();
        assertThat(request.replyHandle()).containsSame(handle);
        assertThat(request).hasToString("ue:1 -> bmsc:2 (2 bytes, request)");
    }

    @Test
    void aRecordReadBackFromStorageMayHoldNullVariablesAndIsCopiedDefensively() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("note", null);
        InstanceRecord r = InstanceRecord.of("p", 3, "k", "a", Map.of("ue", "k"), variables,
                List.of(new InstanceRecord.Deadline("a", "t", Instant.EPOCH)), Map.of("a", 2), Optional.of("boom"));
        variables.put("later", 1);

        assertThat(r.variables()).containsOnlyKeys("note");
        assertThat(InstanceRecord.copyOf(r)).isSameAs(r);
        assertThat(r).hasToString("p v3 [k] in a");
    }

    @Test
    void aRouteCarriesItsInputsOnlyWhenItMayCreateTheInstance() {
        assertThat(Route.to("p", "k", "e").createIfAbsent()).isFalse();
        Route create = Route.createIfAbsent("p", "k", "e", Map.of("ue", "k"));
        assertThat(create.createIfAbsent()).isTrue();
        assertThat(create.inputs()).containsEntry("ue", "k");
    }

    @Test
    void secureRandomBytesHaveTheAskedLength() {
        assertThat(RandomBytes.secure().next(16).length()).isEqualTo(16);
        assertThatThrownBy(() -> RandomBytes.secure().next(-1))
                .hasMessage("cannot draw -1 random bytes; the length must be 0 or more");
    }

    @Test
    void seededRandomBytesRepeatTheOctetsOfARandomWithThatSeed() {
        RandomBytes seeded = RandomBytes.seeded(33246);
        Random same = new Random(33246);
        byte[] first = new byte[16];
        byte[] second = new byte[3];
        same.nextBytes(first);
        same.nextBytes(second);

        assertThat(seeded.next(16).toByteArray()).isEqualTo(first);
        assertThat(seeded.next(3).toByteArray()).isEqualTo(second);
        assertThat(RandomBytes.seeded(33246).next(16).toByteArray()).isEqualTo(first);
        assertThat(RandomBytes.seeded(33247).next(16).toByteArray()).isNotEqualTo(first);
        assertThat(seeded).hasToString("RandomBytes.seeded(33246)");
        assertThatThrownBy(() -> seeded.next(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
