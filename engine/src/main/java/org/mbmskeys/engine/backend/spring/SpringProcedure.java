package org.mbmskeys.engine.backend.spring;

import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.backend.StepContext;

/** A definition prepared for Spring Statemachine: the shared route table and one machine per lane. */
final class SpringProcedure implements ExecutableProcedure {

    private final RouteTable table;
    private final LaneMachine[] lanes;

    SpringProcedure(StateTree tree, int laneCount) {
        this.table = new RouteTable(tree);
        this.lanes = new LaneMachine[laneCount];
        for (int lane = 0; lane < laneCount; lane++) {
            lanes[lane] = new LaneMachine(table, lane);
        }
    }

    @Override
    public StateTree tree() {
        return table.tree;
    }

    /**
     * Enters the initial states as the native backend does. Spring's own start is not used per instance:
     * the lane's machine was started when the definition was prepared and is reset to the leaf for every
     * event, so there is nothing for Spring to do until the first event.
     */
    @Override
    public void start(StepContext step) throws Exception {
        table.moves.enter(table.startPath, step);
    }

    @Override
    public void fire(StepContext step) throws Exception {
        lanes[step.lane()].fire(step);
    }

    /** The machine of {@code lane} (for tests). */
    LaneMachine lane(int lane) {
        return lanes[lane];
    }
}
