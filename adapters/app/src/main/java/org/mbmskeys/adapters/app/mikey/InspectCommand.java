package org.mbmskeys.adapters.app.mikey;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.support.TerminalText;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyDecodeException;
import org.mbmskeys.mbms.mikey.MikeyPayload;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey inspect}: shows every field of a MIKEY message, which MBMS message it is, and,
 * with {@code --key}, whether its MAC verifies and what key data it carries. Exit codes: 0 fine; 1 the
 * message is malformed, or with {@code --key} it is not an MBMS message of the profile or its MAC does not
 * verify; 2 argument errors.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Decode a MIKEY message and show every payload, the MBMS classification and, with --key (and, "
                + "for an MTK message, the MSK's RAND and service type), "
                + "the MAC check and the decrypted key data (MSK, MTK, salt, key validity SEQl..SEQu).",
        footer = {"",
            "Exit codes: 0 fine; 1 malformed message, or with --key not an MBMS message of the profile or the MAC "
                    + "does not verify; 2 argument errors. On exit 1 the reason is also printed on stderr as one line.",
            "",
            "JSON (--json): one object with the members length, malformed, hdr, payloads, mbms and key (null when "
                    + "absent). Each payload has a 'payload' member (EXT, T, RAND, ID, SP, KEMAC, V, ERR); code points "
                    + "are {\"name\":...,\"code\":...}. The text output uses the same field names; see "
                    + "docs/protocol-tools.md."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HEX|@FILE|-",
            description = "the message: hex, @FILE with hex text, or - for hex text on stdin (white space allowed)")
    String message;

    @Option(names = "--key", paramLabel = "HEX",
            description = "verify and open with this key: the MUK for an MSK message or solicited pull, the MSK for an "
                    + "MTK message, the MUK for a verification message (with --answers)")
    String key;

    @Option(names = "--answers", paramLabel = "HEX|@FILE",
            description = "for a verification message: the MSK message it answers (its CSB ID, RAND, IDi, IDr and "
                    + "counter enter the verification MAC)")
    String answers;

    @Option(names = "--msk-rand", paramLabel = "HEX",
            description = "for an MTK message: the MIKEY-RAND of the MSK's messages, which the MTK message's keys "
                    + "come from (TS 33.246 §6.5.4; MTK messages carry none)")
    String mskRand;

    @Option(names = "--msk-message", paramLabel = "HEX|@FILE",
            description = "for an MTK message: an MSK message for the MSK; its RAND and service type are used, as a "
                    + "UE does")
    String mskMessage;

    @Option(names = "--service", paramLabel = "streaming|download",
            description = "for an MTK message: the MSK's service type, which fixes the MTK's Key data type "
                    + "(TS 33.246 §6.4.5.3: TEK+SALT for streaming, TGK for download); default with --msk-message: "
                    + "that message's")
    String service;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        // Every argument is read before the message is looked at, so a bad argument is always exit code 2.
        Bytes bytes = MessageInput.read(spec, "MESSAGE", message);
        if (answers != null && key == null) {
            throw error("--answers needs --key: the MUK that protected the answered MSK message");
        }
        Optional<Bytes> answered = answers == null ? Optional.empty()
                : Optional.of(MessageInput.read(spec, "--answers", answers));
        if (mskRand != null && mskMessage != null) {
            throw error("--msk-rand and --msk-message exclude each other: both give the MSK's RAND");
        }
        Optional<Bytes> rand = mskRand == null ? Optional.empty()
                : Optional.of(new MikeyArguments(spec).givenRand("--msk-rand", mskRand));
        Optional<MskMessage> mskSource = mskMessage == null ? Optional.empty()
                : Optional.of(mskMessage(MessageInput.read(spec, "--msk-message", mskMessage)));
        Optional<ServiceType> serviceType = service == null ? Optional.empty()
                : Optional.of(new MikeyArguments(spec).service("--service", service));
        Optional<SecretBytes> k = key == null ? Optional.empty()
                : Optional.of(new MikeyArguments(spec).anyLengthKey("--key", key));
        InspectReport report;
        try {
            report = inspect(bytes, k, answered, rand.or(() -> mskSource.map(MskMessage::rand)),
                    serviceType.or(() -> mskSource.map(MskMessage::serviceType)));
        } finally {
            k.ifPresent(SecretBytes::destroy);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() + System.lineSeparator() : report.text());
        out.flush();
        if (report.failure().isPresent()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(TerminalText.safe(report.failure().get()));
            err.flush();
            return 1;
        }
        return 0;
    }

    private InspectReport inspect(Bytes bytes, Optional<SecretBytes> key, Optional<Bytes> answered,
                                  Optional<Bytes> rand, Optional<ServiceType> serviceType) {
        DecodedMikey decoded;
        try {
            decoded = MikeyCodec.decode(bytes);
        } catch (MikeyDecodeException e) {
            Section malformed = new Section("MALFORMED")
                    .put("offset", e.offset())
                    .put("field", e.field())
                    .put("problem", e.problem());
            return new InspectReport(bytes.length(), malformed, null, List.of(), null, null, Optional.of(e.getMessage()));
        }
        List<Section> payloads = new ArrayList<>();
        for (MikeyPayload p : decoded.message().payloads()) {
            payloads.add(PayloadSections.payload(p));
        }
        OpenResult<InboundMikey> read = MikeyReader.classify(decoded);
        Section hdr = PayloadSections.header(decoded.message().header());
        Section mbms = MbmsSection.of(read);
        if (key.isEmpty()) {
            return new InspectReport(bytes.length(), null, hdr, payloads, mbms, null, Optional.empty());
        }
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            return new InspectReport(bytes.length(), null, hdr, payloads, mbms, null, Optional.of(r.toString()));
        }
        InboundMikey inbound = read.orElseThrow();
        KeyCheck.Outcome outcome = KeyCheck.run(inbound, key.get(), answeredMessage(inbound, answered),
                mskContext(inbound, rand, serviceType));
        return new InspectReport(bytes.length(), null, hdr, payloads, mbms, outcome.section(), outcome.failure());
    }

    /** For an MTK message, the MSK's RAND and service type, which --key alone cannot supply. */
    private Optional<KeyCheck.MskContext> mskContext(InboundMikey inbound, Optional<Bytes> rand,
                                                     Optional<ServiceType> serviceType) {
        if (!(inbound instanceof MtkMessage)) {
            return Optional.empty();
        }
        if (rand.isEmpty()) {
            throw error("--key on an MTK message needs --msk-rand HEX or --msk-message HEX|@FILE: MTK messages carry "
                    + "no RAND, their keys come from the RAND of the MSK's messages (TS 33.246 §6.5.4)");
        }
        if (serviceType.isEmpty()) {
            throw error("--key on an MTK message needs --service streaming|download, or --msk-message: the MSK's "
                    + "service type fixes the MTK's Key data type (TS 33.246 §6.4.5.3)");
        }
        return Optional.of(new KeyCheck.MskContext(rand.get(), serviceType.get()));
    }

    private MskMessage mskMessage(Bytes bytes) {
        OpenResult<InboundMikey> read = MikeyReader.read(bytes);
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            throw error("--msk-message must be an MSK message; it is not an MBMS message: " + TerminalText.safe(r.toString()));
        }
        if (!(read.orElseThrow() instanceof MskMessage m)) {
            throw error("--msk-message must be an MSK message; it is " + MbmsSection.withArticle(read.orElseThrow()));
        }
        return m;
    }

    /** Checks that --answers is given exactly when a verification message is checked, and classifies it. */
    private Optional<MskMessage> answeredMessage(InboundMikey inbound, Optional<Bytes> answered) {
        if (!(inbound instanceof VerificationMessage)) {
            if (answered.isPresent()) {
                throw error("--answers applies only to a verification message; MESSAGE is "
                        + MbmsSection.withArticle(inbound) + ", which --key alone verifies");
            }
            return Optional.empty();
        }
        if (answered.isEmpty()) {
            throw error("--key on a verification message needs --answers HEX|@FILE: the MSK message it answers "
                    + "(its CSB ID, RAND, IDi, IDr and counter enter the verification MAC)");
        }
        OpenResult<InboundMikey> read = MikeyReader.read(answered.get());
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            throw error("--answers must be the MSK message the verification message answers; it is not an MBMS "
                    + "message: " + TerminalText.safe(r.toString()));
        }
        if (!(read.orElseThrow() instanceof MskMessage m)) {
            throw error("--answers must be the MSK message the verification message answers; it is "
                    + MbmsSection.withArticle(read.orElseThrow()));
        }
        return Optional.of(m);
    }

    private ParameterException error(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
