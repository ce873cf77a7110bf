package org.mbmskeys.engine.runtime;

import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TimerFired;

/**
 * One timer of one deployed definition: its position in every instance's deadline array, the state that
 * declares it, and the event it fires (built once, so firing allocates nothing).
 */
final class TimerSlot {

    final Deployed procedure;
    final int index;
    final int state;
    final TimerDefinition timer;
    final TimerFired event;
    final long delayMillis;

    TimerSlot(Deployed procedure, int index, int state, TimerDefinition timer) {
        this.procedure = procedure;
        this.index = index;
        this.state = state;
        this.timer = timer;
        this.event = new TimerFired(timer.name());
        // Deadlines are whole milliseconds; round up so a timer never fires early.
        long millis = timer.delay().toMillis();
        this.delayMillis = timer.delay().minusMillis(millis).isZero() ? millis : millis + 1;
    }

    @Override
    public String toString() {
        return "timer '" + timer.name() + "' of state '" + procedure.tree.name(state) + "'";
    }
}
