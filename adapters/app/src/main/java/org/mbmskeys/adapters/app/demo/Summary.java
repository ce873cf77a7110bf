package org.mbmskeys.adapters.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mbmskeys.adapters.app.node.UeStation;
import org.mbmskeys.adapters.http.HttpServerCounters;
import org.mbmskeys.adapters.udp.UdpCounters;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;

/** The end state of the demo as two tables: each UE's keys and GBA runs, and the BM-SC's counters. */
final class Summary {

    private Summary() {
    }

    static List<String> lines(DemoLab lab) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"UE", "registered", "MSKs held (Key Domain/MSK ID)", "MTK now", "GBA runs", "MIKEY in"});
        for (Map.Entry<String, UeStation> e : lab.ues.entrySet()) {
            Ue ue = e.getValue().ue();
            String msks = ue.msks(DemoLab.SERVICE).stream().map(MskKey::ref).map(Object::toString)
                    .collect(Collectors.joining(", "));
            String mtk = ue.currentMtk(DemoLab.SERVICE, DemoLab.SESSION).map(m -> "MTK " + m.mtkId()).orElse("-");
            boolean registered = lab.bmsc.bmsc().registration(lab.impis.get(e.getKey())).isPresent();
            rows.add(new String[] {e.getKey(), registered ? "yes" : "no", msks.isEmpty() ? "-" : msks, mtk,
                    String.valueOf(lab.gbaRuns(e.getKey())), String.valueOf(e.getValue().udp().counters().received())});
        }
        List<String> out = new ArrayList<>(table(rows));
        out.add("");
        HttpServerCounters http = lab.bmsc.http().counters();
        UdpCounters udp = lab.bmsc.udp().counters();
        Map<String, Long> outcomes = new TreeMap<>();
        for (String impi : lab.impis.values()) {
            for (DeliveryRecord r : lab.bmsc.bmsc().deliveries(impi)) {
                outcomes.merge(r.outcome().name().toLowerCase(), 1L, Long::sum);
            }
        }
        out.add("BM-SC: " + http.requests() + " HTTP requests (" + http.answered() + " answered, refused by the socket: "
                + (http.refused().isEmpty() ? "none" : http.refused()) + "); MIKEY " + udp.sent() + " sent, " + udp.received()
                + " received, " + udp.droppedTotal() + " dropped; MSK deliveries: " + (outcomes.isEmpty() ? "none"
                : String.join(", ", outcomes.entrySet().stream().map(o -> o.getValue() + " " + o.getKey()).toList())));
        return out;
    }

    /** Rows as a text table: columns as wide as their widest cell, a rule under the header. */
    private static List<String> table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", row[i]));
            }
            lines.add(sb.toString().stripTrailing());
            if (lines.size() == 1) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
                }
                lines.add(rule.toString());
            }
        }
        return lines;
    }
}
