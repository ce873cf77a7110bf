package org.mbmskeys.features.engine;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Route;
import org.mbmskeys.engine.spi.RoutingRule;

/**
 * Inbound envelopes and the rules that route them. An envelope carries an event's text (as features
 * write it); it comes from {@code <sender>:40000} and goes to {@code engine:<port>}. The rules key
 * instances by the sender's host, the way a real rule keys them by a UE id read from the message.
 */
public class RoutingSteps {

    static final int SENDER_PORT = 40000;

    private final World world;

    public RoutingSteps(World world) {
        this.world = world;
    }

    /** Routes envelopes to {@code port} (any port if {@code port} is null) to {@code procedure}. */
    record PortRule(Integer port, String procedure, boolean createIfAbsent) implements RoutingRule {
        @Override
        public Optional<Route> route(Envelope envelope) {
            if (port != null && envelope.to().port() != port) {
                return Optional.empty();
            }
            Object event = Events.decode(envelope.payload());
            String key = envelope.from().host();
            return Optional.of(createIfAbsent ? Route.createIfAbsent(procedure, key, event, Map.of())
                    : Route.to(procedure, key, event));
        }

        @Override
        public String toString() {
            return "'" + (port == null ? "every envelope" : "port " + port) + " to " + procedure + "'";
        }
    }

    @Given("a routing rule sends envelopes for port {int} to {string}, keyed by their sender")
    public void aRuleSendsEnvelopesForPort(int port, String procedure) {
        world.route(new PortRule(port, procedure, false));
    }

    @Given("a routing rule sends envelopes for port {int} to {string}, keyed by their sender, starting it if it is not running")
    public void aRuleStartsOrReaches(int port, String procedure) {
        world.route(new PortRule(port, procedure, true));
    }

    @Given("a routing rule sends every envelope to {string}, keyed by their sender")
    public void aRuleSendsEveryEnvelope(String procedure) {
        world.route(new PortRule(null, procedure, false));
    }

    @Given("a routing rule that fails with {string}")
    public void aRuleThatFails(String message) {
        world.route(new RoutingRule() {
            @Override
            public Optional<Route> route(Envelope envelope) {
                throw new IllegalStateException(message);
            }

            @Override
            public String toString() {
                return "'failing rule'";
            }
        });
    }

    @When("{word} sends {message} to port {int}")
    public void sends(String sender, String event, int port) {
        world.journal.newWindow();
        world.engine().route(envelope(sender, event, port));
    }

    @When("{word} sends {message} to port {int} as a request")
    public void sendsAsARequest(String sender, String event, int port) {
        world.journal.newWindow();
        Envelope request = envelope(sender, event, port);
        world.engine().route(request.withReplyHandle(world.journal.replyTo(request.from().toString())));
    }

    private static Envelope envelope(String sender, String event, int port) {
        return Envelope.of(Endpoint.of(sender, SENDER_PORT), Endpoint.of("engine", port), Events.encode(event));
    }
}
