package org.mbmskeys.adapters.app.run;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.config.UeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbms-keys ue --config FILE}: runs UEs until SIGTERM. */
@Command(name = "ue", mixinStandardHelpOptions = true,
        description = {"Runs one or more UEs on one address: each with its own MIKEY socket, GBA keys from the "
                + "configuration file or a USIM that bootstraps over Ub, registering to its services at the BM-SC and joining their MTK groups. Stops on SIGTERM.",
                "The configuration is YAML; docs/ue.example.yaml is a commented example, docs/processes.md explains it."})
public final class UeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The UEs' YAML configuration.")
    Path config;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "trace, debug, info (default), warn or error.")
    String logLevel;

    @Override
    public Integer call() throws Exception {
        return ProcessLauncher.run("ue", ProcessLogging.checked(spec, logLevel), spec.commandLine().getErr(), now -> UeConfig.read(config, now), UeProcess::new);
    }
}
