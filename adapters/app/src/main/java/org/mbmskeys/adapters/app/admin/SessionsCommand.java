package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mbms-keys admin sessions}: the streaming sessions, the SSRC and ROC of their SRTP-ID map entry, and whether
 * their MTK delivery runs.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List the streaming sessions, their Key Group and current MSK, the SSRC and rollover counter (ROC) "
                + "their MSK messages carry, and whether MTK delivery runs.")
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
        TextTable table = new TextTable("SESSION", "KEY GROUP", "CURRENT MSK", "SSRC", "ROC", "MTK DELIVERY");
        for (JsonNode s : answer.json().path("streamingSessions")) {
            table.row(text(s, "session"), text(s, "keyGroup"), text(s, "currentMsk"), text(s, "ssrc"),
                    text(s, "rolloverCounter"), text(s, "mtkDelivery"));
        }
        table.print(out);
    }
}
