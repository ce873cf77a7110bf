package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.support.TerminalText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One {@code mbms-keys admin} subcommand: makes its request, prints the JSON with {@code --json} or a table
 * otherwise, and turns a failure into one line on standard error and exit code 1.
 */
abstract class AdminCall implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The {@code admin} command whose options (URL, token, --json) this call uses. */
    abstract AdminCommand admin();

    /** The request. */
    abstract AdminClient.Answer request(AdminClient client) throws AdminClient.Failure;

    /** The answer as text for a person. */
    abstract void print(AdminClient.Answer answer, PrintWriter out);

    @Override
    public Integer call() {
        AdminClient client = admin().client(spec);
        AdminClient.Answer answer;
        try {
            answer = request(client);
        } catch (AdminClient.Failure e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("mbms-keys admin: " + TerminalText.safe(e.getMessage()));
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (admin().json) {
            out.println(answer.text());
        } else {
            print(answer, out);
        }
        out.flush();
        return 0;
    }

    /** The text of {@code field} of {@code node}; null when absent or JSON null (a table prints "-"). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The elements of the array {@code field}, joined with ", ". */
    static String joined(JsonNode node, String field) {
        List<String> items = new ArrayList<>();
        node.path(field).forEach(e -> items.add(e.asText()));
        return String.join(", ", items);
    }

    /** {@code text} as one path segment or query value. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
