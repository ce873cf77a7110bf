package org.mbmskeys.adapters.app.admin;

import java.io.PrintWriter;
import org.mbmskeys.adapters.app.support.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mbms-keys admin roc SESSION ROC}: the SRTP sender's rollover counter of a streaming session, for the SRTP-ID
 * map entry (RFC 3830 §6.1.1) of every MSK message the BM-SC seals from then on. The media server that encrypts the
 * session calls it as its ROC advances; between two separate processes, this is the way in.
 */
@Command(name = "roc", aliases = "rollover-counter", mixinStandardHelpOptions = true,
        description = "Give a streaming session the SRTP sender's rollover counter (ROC): every MSK message sealed "
                + "from then on carries it in the SRTP-ID map, so UEs that join later start from it.")
final class RolloverCounterCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @Parameters(index = "0", paramLabel = "SESSION", description = "the streaming session")
    String session;

    @Parameters(index = "1", paramLabel = "ROC", description = "the SRTP rollover counter, 0 to 4294967295")
    long roc;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        if (roc < 0 || roc > 0xFFFF_FFFFL) {
            throw new ParameterException(spec.commandLine(), "ROC is a 32-bit counter, 0 to 4294967295; got " + roc);
        }
        return client.post("/v1/streaming-sessions/" + encode(session) + "/rollover-counter",
                AdminJson.object().put("roc", roc).toString());
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        out.println(TerminalText.safe("SRTP rollover counter of session '" + text(answer.json(), "session") + "' (SSRC "
                + text(answer.json(), "ssrc") + "): " + text(answer.json(), "rolloverCounter")
                + "; MSK messages sealed from now on carry it"));
    }
}
