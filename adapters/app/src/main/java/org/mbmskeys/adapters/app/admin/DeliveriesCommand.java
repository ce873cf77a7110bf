package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin deliveries}: the MSK delivery records of one UE or of one MSK. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "Show the newest MSK delivery records of a UE (--impi) or of one MSK (--msk): when, how often, how it "
                + "ended.")
final class DeliveriesCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--impi", paramLabel = "IMPI", description = "the UE's IMPI") String impi;
        @Option(names = "--msk", paramLabel = "DOMAIN/MSKID", description = "one MSK, e.g. 001-01/01010002") String msk;
    }

    @Option(names = "--limit", paramLabel = "N", description = "show the newest N records (1 to 1000; default 100)")
    Integer limit;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        String which = this.which.impi != null ? "impi=" + encode(this.which.impi) : "msk=" + encode(this.which.msk);
        return client.get("/v1/deliveries?" + which + (limit == null ? "" : "&limit=" + limit));
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        TextTable table = new TextTable("IMPI", "MSK", "OUTCOME", "ATTEMPTS", "FIRST SENT", "ACKNOWLEDGED");
        for (JsonNode d : answer.json().path("deliveries")) {
            table.row(text(d, "impi"), text(d, "msk"), text(d, "outcome"), text(d, "attempts"), text(d, "firstSentAt"),
                    text(d, "acknowledgedAt"));
        }
        table.print(out);
        if (table.isEmpty()) {
            out.println("(no delivery records)");
        }
    }
}
