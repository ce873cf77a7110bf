package org.mbmskeys.adapters.app.run;

/**
 * The log format of the long-running processes: one line per event with an ISO time, the level, the
 * logger and the message (key=value for the processes' own events). Set before the first logger exists.
 */
final class ProcessLogging {

    private ProcessLogging() {
    }

    static void configure(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
