package org.mbmskeys.adapters.app.admin;

import java.io.PrintWriter;
import java.util.Map;
import org.mbmskeys.adapters.app.support.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin mtk start|stop|next SESSION}: MTK delivery of a streaming session. */
@Command(name = "mtk", mixinStandardHelpOptions = true,
        description = "Start or stop MTK delivery for a streaming session, or send its next MTK ahead of the switch.")
final class MtkCommand extends AdminCall {

    /** The command's words and the resource each posts to. */
    private static final Map<String, String> ACTIONS = Map.of("start", "start", "stop", "stop", "next", "next-mtk");

    @ParentCommand
    AdminCommand admin;

    @Parameters(index = "0", paramLabel = "start|stop|next", description = "what to do")
    String action;

    @Parameters(index = "1", paramLabel = "SESSION", description = "the streaming session")
    String session;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        String resource = ACTIONS.get(action);
        if (resource == null) {
            throw new ParameterException(spec.commandLine(), "say start, stop or next, not '" + TerminalText.safe(action) + "'");
        }
        return client.post("/v1/streaming-sessions/" + encode(session) + "/" + resource, "");
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        String verb = switch (action) {
            case "start" -> "started";
            case "stop" -> "stopped";
            default -> "sent the next MTK";
        };
        out.println(TerminalText.safe("MTK delivery of session '" + text(answer.json(), "session") + "': " + verb
                + "; now " + text(answer.json(), "mtkDelivery")));
    }
}
