package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;

/** The BM-SC's MTK delivery: streaming sessions on their multicast group, the periodic resend, the next MTK. */
public class MtkDeliverySteps {

    /** The resend period the shipped bmsc/mtk-delivery.groovy uses. */
    static final int SHIPPED_RESEND_SECONDS = 5;
    /** The RTP port of a session the steps define; MIKEY goes to port 2269 of the same group whatever it is. */
    static final int RTP_PORT = 5004;

    private final MbmsWorld world;

    public MtkDeliverySteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("the user service {string} uses the streaming Key Group {word} for the session {string} on group {word}")
    public void theUserServiceUsesTheStreamingKeyGroupForTheSession(String service, String group, String session,
            String address) {
        world.defineService(service, ServiceType.STREAMING, group);
        world.bmsc().defineStreamingSession(session, world.group(group), Endpoint.of(address, RTP_PORT),
                StreamingSession.of(0x5eed0000L + world.services.size(), 0, 10, SrtpAuthentication.RCCM1));
        world.sessionGroups.put(session, address);
    }

    @Given("the BM-SC started MTK delivery for {string}, resending every {int} seconds")
    @When("the BM-SC starts MTK delivery for {string}, resending every {int} seconds")
    public void theBmscStartsMtkDelivery(String session, int seconds) {
        assertThat(seconds).as("the resend period of the shipped bmsc/mtk-delivery.groovy, in seconds")
                .isEqualTo(SHIPPED_RESEND_SECONDS);
        world.bmsc().startMtkDelivery(session);
        world.settle();
    }

    @Given("the BM-SC moved {string} to its next MTK")
    @When("the BM-SC moves {string} to its next MTK")
    public void theBmscMovesToItsNextMtk(String session) {
        world.bmsc().nextMtk(session);
        world.settle();
    }
}
