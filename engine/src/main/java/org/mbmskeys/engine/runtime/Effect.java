package org.mbmskeys.engine.runtime;

import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.spi.ReplyHandle;

/** Something an action asked for, carried out only after its step completed. */
sealed interface Effect {

    /** How it reads in logs and in {@code effectFailed}. */
    String describe();

    record Send(String channel, Object payload) implements Effect {
        @Override
        public String describe() {
            return "send on '" + channel + "'";
        }
    }

    record Reply(ReplyHandle handle, Object payload) implements Effect {
        @Override
        public String describe() {
            return "reply";
        }
    }

    record Start(Deployed procedure, Object key, Object[] inputs) implements Effect {
        @Override
        public String describe() {
            return "start " + procedure.name + "[" + key + "]";
        }
    }

    record SignalTo(String procedure, Object key, Signal signal) implements Effect {
        @Override
        public String describe() {
            return "signal '" + signal.name() + "' to " + procedure + "[" + key + "]";
        }
    }

    record Emit(Object outcome) implements Effect {
        @Override
        public String describe() {
            return "emit " + outcome;
        }
    }
}
