package org.mbmskeys.adapters.app.admin;

import java.io.PrintWriter;
import org.mbmskeys.adapters.app.support.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin rotate DOMAIN GROUP}: a new MSK for a Key Group, re-keying its registered UEs. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Make a new MSK the current one of a Key Group; the BM-SC re-keys the UEs registered to its services.")
final class RotateCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "the Key Domain ID, MCC-MNC, e.g. 001-01")
    String domain;

    @Parameters(index = "1", paramLabel = "GROUP", description = "the Key Group, 4 hex digits, e.g. 0101")
    String group;

    @Option(names = "--seq-low", paramLabel = "N", description = "SEQl of the new MSK's key validity (default 0)")
    Integer seqLow;

    @Option(names = "--seq-high", paramLabel = "N", description = "SEQu of the new MSK's key validity (default 65534)")
    Integer seqHigh;

    @Override
    AdminCommand admin() {
        return admin;
    }

    @Override
    AdminClient.Answer request(AdminClient client) throws AdminClient.Failure {
        var body = AdminJson.object();
        if (seqLow != null) {
            body.put("seqLow", seqLow);
        }
        if (seqHigh != null) {
            body.put("seqHigh", seqHigh);
        }
        return client.post("/v1/key-groups/" + encode(domain) + "/" + encode(group) + "/rotate",
                body.isEmpty() ? "" : body.toString());
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        String previous = text(answer.json(), "previousMsk");
        out.println(TerminalText.safe("Key Group " + text(answer.json(), "keyGroup") + ": MSK " + text(answer.json(), "msk")
                + " is current" + (previous == null ? " (the first)" : " (was " + previous + ")")));
    }
}
