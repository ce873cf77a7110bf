package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin deliveries}: the MSK delivery records of one UE or of one MSK. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "Show the MSK delivery records of a UE (--impi) or of one MSK (--msk): when, how often, how it ended.")
final class DeliveriesCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--impi", paramLabel = "IMPI", description = "the UE's IMPI") String impi;
        @Option(names = "--msk", paramLabel = "DOMAIN/MSKID", description = "one MSK, e.g. 001-01/01010002") String msk;
    }

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        return which.impi != null
                ? client.get("/v1/deliveries?impi=" + encode(which.impi))
                : client.get("/v1/deliveries?msk=" + encode(which.msk));
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
