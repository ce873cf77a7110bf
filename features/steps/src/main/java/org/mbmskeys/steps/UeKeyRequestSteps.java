package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import java.util.List;
import org.mbmskeys.adapters.memory.HttpWire;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The MSK requests a UE sends (TS 33.246 §6.3.2.2.1, §6.3.2.2.3, G.2.3), as the wire shows them: the HTTP POSTs
 * to {@code /keymanagement?requesttype=msk-request} and the Key Domain ID – MSK ID pairs in their bodies.
 */
public class UeKeyRequestSteps {

    private final MbmsWorld world;

    public UeKeyRequestSteps(MbmsWorld world) {
        this.world = world;
    }

    @Then("{string} sent an MSK request for {string}")
    public void sentAnMskRequestFor(String ue, String pair) {
        MskRef wanted = parsePair(pair);
        assertThat(mskRequestsOf(world, ue)).as("the pairs of %s's MSK requests", ue).anySatisfy(pairs ->
                assertThat(pairs).containsExactly(wanted));
    }

    @Then("{string} sent an MSK request for Key Group {word}")
    public void sentAnMskRequestForKeyGroup(String ue, String group) {
        KeyGroup keyGroup = KeyGroup.parseHex(group);
        assertThat(mskRequestsOf(world, ue)).as("the pairs of %s's MSK requests", ue).anySatisfy(pairs ->
                assertThat(pairs).anyMatch(m -> m.keyDomain().equals(world.domain) && m.keyGroup().equals(keyGroup)));
    }

    /** The pairs of every MSK request the UE sent, in sending order (a resent request counts again). */
    static List<List<MskRef>> mskRequestsOf(MbmsWorld world, String ue) {
        return world.network().capture().stream()
                .filter(c -> c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue))
                .map(c -> HttpWire.codec().decodeRequest(c.message().bytes()))
                .filter(UeKeyRequestSteps::isMskRequest)
                .map(r -> MskRequestBody.parse(r.body()).msks())
                .toList();
    }

    static boolean isMskRequest(HttpRequestMessage request) {
        return request.method().equals("POST")
                && KeyManagementRequest.parse(request.target()).equals(java.util.Optional.of(KeyManagementRequest.MSK_REQUEST));
    }

    /** {@code 001-01 / 0101:0000}: Key Domain ID, then Key Group and Key Number in hex. */
    static MskRef parsePair(String pair) {
        String[] parts = pair.split("/");
        if (parts.length != 2 || !parts[1].contains(":")) {
            throw new IllegalArgumentException("an MSK is written '001-01 / 0101:0000' (Key Domain ID / Key Group:"
                    + "Key Number, in hex), not '" + pair + "'");
        }
        String[] id = parts[1].trim().split(":");
        return MskRef.of(KeyDomainId.parse(parts[0].trim()),
                MskId.of(KeyGroup.parseHex(id[0]), Integer.parseInt(id[1], 16)));
    }
}
