package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.mbmskeys.adapters.app.support.TerminalText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin registrations}: one page of a service's registrations, or one UE's. */
@Command(name = "registrations", mixinStandardHelpOptions = true,
        description = "List the registrations of a user service page by page (--service), or show one UE's (--impi).")
final class RegistrationsCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--service", paramLabel = "SERVICE", description = "the user service ID") String service;
        @Option(names = "--impi", paramLabel = "IMPI", description = "one UE's IMPI") String impi;
    }

    @Option(names = "--after", paramLabel = "IMPI", description = "the page after this IMPI (the 'next' of the page before)")
    String after;

    @Option(names = "--limit", paramLabel = "N", description = "at most N registrations (1.." + AdminApi.MAX_PAGE
            + ", default " + AdminApi.DEFAULT_PAGE + ")")
    Integer limit;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        if (which.impi != null) {
            if (after != null || limit != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--after and --limit page through a "
                        + "service (--service); --impi shows one registration");
            }
            return client.get("/v1/registrations/" + encode(which.impi));
        }
        StringBuilder query = new StringBuilder("/v1/registrations?service=").append(encode(which.service));
        if (after != null) {
            query.append("&after=").append(encode(after));
        }
        if (limit != null) {
            query.append("&limit=").append(limit);
        }
        return client.get(query.toString());
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        JsonNode json = answer.json();
        if (!json.has("registrations")) {
            TextTable one = new TextTable("FIELD", "VALUE");
            one.row("IMPI", text(json, "impi")).row("B-TID", text(json, "bTid")).row("source", text(json, "source"))
                    .row("MIKEY port", json.path("mikeyPort").asInt() == 0 ? "2269 (none stated)" : text(json, "mikeyPort"))
                    .row("services", joined(json, "services")).row("last MUK derived", text(json, "lastMukDerivedAt"));
            one.print(out);
            return;
        }
        TextTable table = new TextTable("IMPI", "B-TID", "SOURCE", "SERVICES");
        for (JsonNode r : json.path("registrations")) {
            table.row(text(r, "impi"), text(r, "bTid"), text(r, "source"), joined(r, "services"));
        }
        table.print(out);
        if (table.isEmpty()) {
            out.println("(no registrations" + (after != null ? " after " + TerminalText.safe(after) : "") + ")");
        }
        String next = text(json, "next");
        if (next != null) {
            out.println("more: --after " + TerminalText.safe(next));
        }
    }
}
