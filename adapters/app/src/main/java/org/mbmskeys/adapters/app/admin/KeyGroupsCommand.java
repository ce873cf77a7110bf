package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin key-groups}: the Key Groups with their current and previous MSK IDs (never keys). */
@Command(name = "key-groups", mixinStandardHelpOptions = true,
        description = "List the Key Groups with their service type and current and previous MSK IDs.")
final class KeyGroupsCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        return client.get("/v1/key-groups");
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        TextTable table = new TextTable("KEY GROUP", "TYPE", "CURRENT MSK", "PREVIOUS MSK");
        for (JsonNode g : answer.json().path("keyGroups")) {
            table.row(text(g, "keyGroup"), text(g, "serviceType"), text(g, "currentMsk"), text(g, "previousMsk"));
        }
        table.print(out);
    }
}
