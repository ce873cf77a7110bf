package org.mbmskeys.adapters.app.run;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.config.UeConfig;
import org.mbmskeys.adapters.app.config.ConfigException;
import org.mbmskeys.engine.spi.Scheduler;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbms-keys ue --config FILE}: runs UEs until SIGTERM. */
@Command(name = "ue", mixinStandardHelpOptions = true,
        description = {"Runs one or more UEs on one address: each with its own MIKEY socket, its GBA keys from the "
                + "configuration file, registering to its services at the BM-SC and joining their MTK groups. Stops on SIGTERM.",
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
        ProcessLogging.configure(logLevel);
        Scheduler clock = Scheduler.system();
        UeConfig settings;
        try {
            settings = UeConfig.read(config, clock.now());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("mbms-keys ue: " + e.getMessage());
            return 2;
        }
        UeProcess process;
        try {
            process = new UeProcess(settings, clock);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("mbms-keys ue: cannot start: " + e.getMessage());
            return 1;
        }
        Running running = new Running(LoggerFactory.getLogger("mbms-keys.ue"), process);
        running.await();
        return 0;
    }
}
