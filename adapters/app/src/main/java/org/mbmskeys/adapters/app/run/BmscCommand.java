package org.mbmskeys.adapters.app.run;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.config.BmscConfig;
import org.mbmskeys.adapters.app.node.PcapFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbms-keys bmsc --config FILE}: runs a BM-SC until SIGTERM. */
@Command(name = "bmsc", mixinStandardHelpOptions = true,
        description = {"Runs a BM-SC: MIKEY over UDP, the key request function over HTTP (POST /keymanagement), the "
                + "bootstrappings and user services of the configuration file. Stops gracefully on SIGTERM or Ctrl-C.",
                "The configuration is YAML; docs/bmsc.example.yaml is a commented example, docs/processes.md explains it."})
public final class BmscCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The BM-SC's YAML configuration.")
    Path config;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Append every MIKEY datagram the BM-SC sends or receives to this pcap file (flushed after each).")
    Path pcap;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "trace, debug, info (default), warn or error.")
    String logLevel;

    @Override
    public Integer call() throws Exception {
        return ProcessLauncher.run("bmsc", ProcessLogging.checked(spec, logLevel), spec.commandLine().getErr(), now -> BmscConfig.read(config, now), (settings, clock) -> new BmscProcess(settings, clock, pcap == null ? null : new PcapFile(pcap)));
    }
}
