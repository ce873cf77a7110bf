package org.mbmskeys.steps;

import java.time.Instant;

/** When the step that UE timing is measured from happened (a join, a solicitation): "within N seconds" of it. */
public class ReceptionMoments {

    private final MbmsWorld world;
    private Instant since;

    public ReceptionMoments(MbmsWorld world) {
        this.world = world;
    }

    /** The driving step happens now. */
    void markNow() {
        since = world.time().now();
    }

    /** When the last driving step happened, or the scenario's start. */
    Instant since() {
        return since == null ? world.start : since;
    }
}
