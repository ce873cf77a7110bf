package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin sessions}: the streaming sessions and whether their MTK delivery runs. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List the streaming sessions, their Key Group and current MSK, and whether MTK delivery runs.")
final class SessionsCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        return client.get("/v1/streaming-sessions");
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        TextTable table = new TextTable("SESSION", "KEY GROUP", "CURRENT MSK", "MTK DELIVERY");
        for (JsonNode s : answer.json().path("streamingSessions")) {
            table.row(text(s, "session"), text(s, "keyGroup"), text(s, "currentMsk"), text(s, "mtkDelivery"));
        }
        table.print(out);
    }
}
