package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin services}: the user services, their type and Key Groups. */
@Command(name = "services", mixinStandardHelpOptions = true, description = "List the user services, their type and Key Groups.")
final class ServicesCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        return client.get("/v1/services");
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        TextTable table = new TextTable("SERVICE", "TYPE", "KEY GROUPS");
        for (JsonNode s : answer.json().path("services")) {
            table.row(text(s, "serviceId"), text(s, "serviceType"), joined(s, "keyGroups"));
        }
        table.print(out);
    }
}
