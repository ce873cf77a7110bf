package org.mbmskeys.adapters.app.run;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The log format of the long-running processes: one line per event with an ISO time, the level, the
 * logger and the message (key=value for the processes' own events). Set before the first logger exists.
 */
final class ProcessLogging {

    /** The levels {@code --log-level} takes, as the logger names them. */
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    private ProcessLogging() {
    }

    /**
     * {@code level} if it is one of {@link #LEVELS} (any case); otherwise an argument error naming them (exit 2), as
     * the logger itself would take an unknown level silently for {@code info}.
     */
    static String checked(CommandSpec spec, String level) {
        String lower = level.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(lower)) {
            throw new ParameterException(spec.commandLine(), "--log-level must be one of " + String.join(", ", LEVELS)
                    + "; got '" + level + "'");
        }
        return lower;
    }

    static void configure(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
        if (level.equals("info")) {
            // About 18 lines per start and stop of the database's pool and schema check, the same every time: shown
            // from debug on. A schema migration actually applied still shows.
            setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
            setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
            setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate", "info");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
