package org.mbmskeys.adapters.app.mikey;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.support.TerminalText;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey build ack}: the UE's verification message for an MSK message, as the UE builds it
 * after opening that message with its MUK (TS 33.246 §6.4.6.1 step 6,
 * §6.4.5.2). Prints one line of hex; exits 1 if the MSK message does not open with the MUK, as a UE
 * would then send nothing.
 */
@Command(name = "ack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build the verification message (UE to BM-SC) answering an MSK message; prints it as one line of hex.",
            "HDR (data type 1, same CSB ID), T (the MSK message's counter), IDr, V(HMAC-SHA-1-160)."})
public final class BuildAckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--muk", required = true, paramLabel = "HEX", description = "the MUK that protected the MSK message")
    String muk;

    @Option(names = "--answers", required = true, paramLabel = "HEX|@FILE", description = "the MSK message to answer")
    String answers;

    @Override
    public Integer call() {
        OpenResult<InboundMikey> read = MikeyReader.read(MessageInput.read(spec, "--answers", answers));
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            throw new ParameterException(spec.commandLine(), "--answers must be an MSK message; it is not an MBMS message: "
                    + TerminalText.safe(r.toString()));
        }
        if (!(read.orElseThrow() instanceof MskMessage message)) {
            throw new ParameterException(spec.commandLine(), "--answers must be an MSK message; it is "
                    + MbmsSection.withArticle(read.orElseThrow()));
        }
        SecretBytes mukKey = new MikeyArguments(spec).anyLengthKey("--muk", muk);
        try {
            OpenResult<OpenedMsk> opened = MikeyOpener.jca().open(message, mukKey);
            if (opened instanceof OpenResult.Rejected<OpenedMsk> r) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(TerminalText.safe(r.toString()));
                err.flush();
                return 1;
            }
            OpenedMsk msk = opened.orElseThrow();
            msk.msk().ifPresent(SecretBytes::destroy);
            if (!message.askForVerification()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("warning: the MSK message does not set the V bit; a UE does not answer it");
                err.flush();
            }
            BuildOutput.print(spec, MikeySealer.jca().acknowledge(msk, mukKey));
            return 0;
        } finally {
            mukKey.destroy();
        }
    }
}
