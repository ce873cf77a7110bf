package org.mbmskeys.adapters.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mbmskeys.adapters.app.node.Tapped;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The demo's timeline: the chapters, the messages that crossed the sockets and what the UEs reported, in the
 * order they happened, each with its time since the start.
 */
final class Timeline {

    private record Line(Instant at, int order, String text) {
    }

    private Timeline() {
    }

    static List<String> lines(Instant start, List<Demo.Chapter> chapters, List<Tapped> wire,
                              List<EventLog.Seen<UeOutcome>> reports) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Demo.Chapter c = chapters.get(i);
            lines.add(new Line(c.began(), 0, "== " + (i + 1) + ". " + c.title() + " (" + c.clauses() + ")"));
        }
        for (Tapped t : wire) {
            lines.add(new Line(t.at(), 1, String.format("%-8s -> %-15s %s", t.from(), t.to(), MessageLabels.of(t))));
        }
        for (EventLog.Seen<UeOutcome> r : reports) {
            lines.add(new Line(r.at(), 2, String.format("%-8s    %s", r.event().ue(), UeReports.describe(r.event()))));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparing(Line::order));
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            long ms = Duration.between(start, l.at()).toMillis();
            if (l.order() == 0 && !out.isEmpty()) {
                out.add("");
            }
            out.add(String.format("%7.3f s  %s", ms / 1000.0, l.text()));
        }
        return out;
    }
}
