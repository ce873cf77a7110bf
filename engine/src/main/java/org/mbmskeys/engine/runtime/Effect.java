package org.mbmskeys.engine.runtime;

import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.spi.ReplyHandle;

/**
 * Something an action asked for, carried out only after its step completed.
 *
 * <p>Whoever carries effects out does it through a {@link Handler}, which has one method per kind: a new
 * kind of effect adds a record here and a method there, and every handler then fails to compile until it
 * says what to do with it. (Java 17 has no exhaustive switch over a sealed type; this is the same
 * guarantee by construction.)
 */
sealed interface Effect {

    /** How it reads in logs and in {@code effectFailed}. */
    String describe();

    /** Calls the method of {@code handler} for this kind of effect. */
    <R> R accept(Handler<R> handler) throws Exception;

    /** What to do with each kind of effect. */
    interface Handler<R> {
        R send(Send send) throws Exception;

        R reply(Reply reply) throws Exception;

        R start(Start start) throws Exception;

        R signal(SignalTo signal) throws Exception;

        R emit(Emit emit) throws Exception;
    }

    record Send(String channel, Object payload) implements Effect {
        @Override
        public String describe() {
            return "send on '" + channel + "'";
        }

        @Override
        public <R> R accept(Handler<R> handler) throws Exception {
            return handler.send(this);
        }
    }

    record Reply(ReplyHandle handle, Object payload) implements Effect {
        @Override
        public String describe() {
            return "reply";
        }

        @Override
        public <R> R accept(Handler<R> handler) throws Exception {
            return handler.reply(this);
        }
    }

    record Start(Deployed procedure, Object key, Object[] inputs) implements Effect {
        @Override
        public String describe() {
            return "start " + procedure.name + "[" + key + "]";
        }

        @Override
        public <R> R accept(Handler<R> handler) throws Exception {
            return handler.start(this);
        }
    }

    record SignalTo(String procedure, Object key, Signal signal) implements Effect {
        @Override
        public String describe() {
            return "signal '" + signal.name() + "' to " + procedure + "[" + key + "]";
        }

        @Override
        public <R> R accept(Handler<R> handler) throws Exception {
            return handler.signal(this);
        }
    }

    record Emit(Object outcome) implements Effect {
        @Override
        public String describe() {
            return "emit " + outcome;
        }

        @Override
        public <R> R accept(Handler<R> handler) throws Exception {
            return handler.emit(this);
        }
    }
}
