package org.mbmskeys.features.engine;

import java.time.Duration;
import java.util.List;
import org.mbmskeys.engine.spi.InstanceRecord;

/** Armed timers as features write them: {@code timer 'answer' due at 5s} (time since the scenario began). */
final class Deadlines {

    private Deadlines() {
    }

    static List<String> describe(World world, InstanceRecord record) {
        return record.deadlines().stream()
                .map(d -> describe(d.timer(), Duration.between(world.origin, d.at())))
                .sorted()
                .toList();
    }

    static String describe(String timer, Duration at) {
        return "timer '" + timer + "' due at " + Times.format(at);
    }
}
