package org.mbmskeys.adapters.app.admin;

import java.io.PrintWriter;
import org.mbmskeys.adapters.app.support.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mbms-keys admin rotate DOMAIN GROUP} (or {@code DOMAIN/GROUP}): a new MSK for a Key Group, re-keying its registered UEs. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Make a new MSK the current one of a Key Group; the BM-SC re-keys the UEs registered to its services.")
final class RotateCommand extends AdminCall {

    @ParentCommand
    AdminCommand admin;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "the Key Domain ID, MCC-MNC, e.g. 001-01; or the "
            + "Key Group as the other commands print it, DOMAIN/GROUP, e.g. 001-01/0101")
    String domain;

    @Parameters(index = "1", arity = "0..1", paramLabel = "GROUP", description = "the Key Group, 4 hex digits, e.g. 0101")
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
        String keyDomain = domain;
        String keyGroup = group;
        if (keyGroup == null) {   // 001-01/0101, as the other commands print a Key Group
            int slash = domain.indexOf('/');
            if (slash < 0) {
                throw new ParameterException(spec.commandLine(), "give the Key Group as DOMAIN GROUP (001-01 0101) or "
                        + "DOMAIN/GROUP (001-01/0101); got only '" + domain + "'");
            }
            keyDomain = domain.substring(0, slash);
            keyGroup = domain.substring(slash + 1);
        }
        return client.post("/v1/key-groups/" + encode(keyDomain) + "/" + encode(keyGroup) + "/rotate",
                body.isEmpty() ? "" : body.toString());
    }

    @Override
    void print(AdminClient.Answer answer, PrintWriter out) {
        String previous = text(answer.json(), "previousMsk");
        out.println(TerminalText.safe("Key Group " + text(answer.json(), "keyGroup") + ": MSK " + text(answer.json(), "msk")
                + " is current" + (previous == null ? " (the first)" : " (was " + previous + ")")));
    }
}
