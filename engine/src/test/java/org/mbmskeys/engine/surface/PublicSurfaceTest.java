package org.mbmskeys.engine.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.runtime.Engine;

/**
 * The engine's public types are a deliberate, documented list. Every public top-level type of the engine
 * jar belongs to exactly one group of the "Public surface" section of docs/architecture.md (API, SPI,
 * backend SPI, script-facing, shared internals); a new public type fails this test until it is placed in
 * a group there, so the surface cannot grow by accident and the page cannot drift from the jar.
 */
class PublicSurfaceTest {

    private static final Path PAGE = Path.of("../docs/architecture.md");
    private static final Pattern GROUP = Pattern.compile("^- \\*\\*([^*]+)\\*\\*[^:]*: (.*)$");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)`");

    @Test
    void everyPublicTypeOfTheEngineIsListedInExactlyOneGroupOfTheDocumentedSurface() throws IOException {
        assertTrue(Files.exists(PAGE), "docs/ is next to engine/ in a source checkout");
        Map<String, Set<String>> groups = documentedGroups(Files.readString(PAGE));
        Map<String, String> groupOf = new TreeMap<>();
        Set<String> listedTwice = new TreeSet<>();
        groups.forEach((group, names) -> names.forEach(n -> {
            if (groupOf.put(n, group) != null) {
                listedTwice.add(n);
            }
        }));

        Set<String> publicTypes = publicTopLevelTypes();

        assertThat(groups.keySet()).as("groups of the surface section")
                .containsExactly("API", "SPI", "Backend SPI", "Script-facing", "Shared internals");
        assertThat(listedTwice).as("types listed in two groups").isEmpty();
        assertThat(difference(publicTypes, groupOf.keySet())).as("public types the page does not list").isEmpty();
        assertThat(difference(groupOf.keySet(), publicTypes)).as("listed types that are not public engine types").isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    /** The simple names after {@code - **Group** ...:} in the "Public surface" section, by group. */
    static Map<String, Set<String>> documentedGroups(String page) {
        int start = page.indexOf("### Public surface");
        assertThat(start).as("docs/architecture.md has a '### Public surface' section").isNotNegative();
        int end = page.indexOf("\n#", start + 1);
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        // a list item runs on over the indented lines below it
        String section = page.substring(start, end < 0 ? page.length() : end).replaceAll("\n {2,}", " ");
        for (String line : section.split("\n")) {
            Matcher m = GROUP.matcher(line);
            if (m.matches()) {
                Set<String> names = new TreeSet<>();
                Matcher n = NAME.matcher(m.group(2));
                while (n.find()) {
                    names.add(n.group(1));
                }
                groups.put(m.group(1), names);
            }
        }
        return groups;
    }

    /** Simple names of the public top-level classes compiled into the engine's main output. */
    static Set<String> publicTopLevelTypes() throws IOException {
        Path classes;
        try {
            classes = Path.of(Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(p -> classes.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(PublicSurfaceTest::load)
                    .filter(c -> Modifier.isPublic(c.getModifiers()))
                    .map(Class::getSimpleName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
