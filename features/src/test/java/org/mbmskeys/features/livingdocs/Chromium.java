package org.mbmskeys.features.livingdocs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Debian's {@code chromium} and {@code chromium-driver} are ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs both). {@code CHROME_BIN} and {@code CHROMEDRIVER} name others.
 * Found on the machine, never downloaded: Selenium Manager is not asked.
 */
final class Chromium {

    private Chromium() {
    }

    static Optional<Path> browser() {
        return find("CHROME_BIN", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    }

    static Optional<Path> driver() {
        return find("CHROMEDRIVER", List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"));
    }

    private static Optional<Path> find(String variable, List<String> usual) {
        String named = System.getenv(variable);
        return Stream.concat(Stream.ofNullable(named), usual.stream()).map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
