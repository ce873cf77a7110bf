package org.mbmskeys.features.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mbmskeys.engine.backend.Rejections;
import org.mbmskeys.engine.spi.ChannelMessage;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Step;

/**
 * Everything the engine told the outside during one scenario, one line each, in the order it happened,
 * with the virtual time since the scenario began: steps, rejections (with their detail), outcomes,
 * failures, ends, sends on any channel, replies, unrouted envelopes, engine stops and starts. The lines
 * are what the features check and what the trace files of the two backends compare.
 *
 * <pre>
 * [0s] order[alice] ordering -[Go]-> paying (exit [ordering], enter [paying])
 * [0s] payment[alice] send 'bank': authorise 12.50 for alice
 * [5s] payment[alice] rejected Go: NO_TRANSITION (in state 'authorising': Go is not accepted; accepted are: Answer)
 * </pre>
 *
 * <p>The engine runs deterministically on the scenario's thread, so the journal needs no locking.
 */
final class Journal implements ProcedureListener {

    /**
     * One line, what it is about, and its parts: {@code subject} is the channel of a send or the reason of
     * a rejection, {@code value} the outcome, the payload sent or replied, or the rejection's detail.
     */
    record Line(Kind kind, String subject, String value, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    enum Kind { STEP, REJECTED, OUTCOME, FAILED, ENDED, SENT, REPLY, UNROUTED, EFFECT_FAILED, ENGINE }

    private final Supplier<Instant> clock;
    private final Instant origin;
    private final List<Line> lines = new ArrayList<>();
    private int windowStart;

    Journal(Supplier<Instant> clock) {
        this.clock = clock;
        this.origin = clock.get();
    }

    // --- what the engine reports ---

    @Override
    public void transitioned(InstanceRef instance, Step step) {
        add(Kind.STEP, instance + " " + step);
    }

    @Override
    public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
        add(Kind.REJECTED, reason.name(), detail,
                instance + " rejected " + Rejections.describe(event) + ": " + reason + " (" + detail + ")");
    }

    @Override
    public void outcome(InstanceRef instance, Object outcome) {
        add(Kind.OUTCOME, "", String.valueOf(outcome), instance + " emit " + outcome);
    }

    @Override
    public void failed(InstanceRef instance, String state, Throwable cause) {
        add(Kind.FAILED, instance + " failed in '" + state + "': " + cause);
    }

    @Override
    public void ended(InstanceRef instance, InstanceRecord last) {
        add(Kind.ENDED, instance + " ended in '" + last.state() + "'");
    }

    @Override
    public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
        add(Kind.EFFECT_FAILED, instance + " could not " + effect + ": " + cause);
    }

    @Override
    public void unrouted(Envelope envelope, String detail) {
        add(Kind.UNROUTED, "unrouted " + envelope + ": " + detail);
    }

    /** The engine's default channel: every send lands here. */
    void sent(ChannelMessage message) {
        add(Kind.SENT, message.channel(), String.valueOf(message.payload()),
                message.from() + " send '" + message.channel() + "': " + message.payload());
    }

    /** A reply handle for a request from {@code requester}; its replies are journaled. */
    ReplyHandle replyTo(String requester) {
        return payload -> add(Kind.REPLY, "", String.valueOf(payload), "reply to " + requester + ": " + payload);
    }

    void engine(String what) {
        add(Kind.ENGINE, "engine " + what);
    }

    // --- reading it ---

    /** Starts a new window: what the next driving step causes. */
    void newWindow() {
        windowStart = lines.size();
    }

    List<Line> all() {
        return List.copyOf(lines);
    }

    /** The lines added since the last driving step began. */
    List<Line> window() {
        return List.copyOf(lines.subList(windowStart, lines.size()));
    }

    /** Values of the lines of {@code kind} in the window, in order. */
    List<String> valuesInWindow(Kind kind) {
        return window().stream().filter(l -> l.kind() == kind).map(Line::value).toList();
    }

    /** Payloads sent on {@code channel} during the scenario, as text. */
    List<String> sentOn(String channel) {
        return lines.stream().filter(l -> l.kind() == Kind.SENT && l.subject().equals(channel)).map(Line::value).toList();
    }

    /** The lines of {@code kind} in the window. */
    List<Line> inWindow(Kind kind) {
        return window().stream().filter(l -> l.kind() == kind).toList();
    }

    private void add(Kind kind, String text) {
        add(kind, "", "", text);
    }

    private void add(Kind kind, String subject, String value, String text) {
        lines.add(new Line(kind, subject, value, "[" + Times.format(Duration.between(origin, clock.get())) + "] " + text));
    }
}
