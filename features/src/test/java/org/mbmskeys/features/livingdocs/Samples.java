package org.mbmskeys.features.livingdocs;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The sample inputs of the living docs' own tests, under {@code src/test/resources/livingdocs/}. */
final class Samples {

    /** Two sample scripts: {@code bmsc/key-push.groovy} (nesting, guards, timers, retry) and {@code flat.groovy}. */
    static final String PROCEDURES = "livingdocs/sample-procedures";

    private Samples() {
    }

    /** A folder of the samples on the test class path. */
    static Path folder(String resource) {
        URL url = Samples.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("test resource " + resource + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProcedureReader procedures() {
        return new ProcedureReader(PROCEDURES, Samples.class.getClassLoader());
    }

    /**
     * The sample site: one feature ({@code ue/msk-request.feature}), reports of both backends that disagree,
     * ladders (the same on both backends for line 15, different for line 22), and the sample procedures.
     */
    static LivingDocs site() {
        Path root = folder("livingdocs/sample-site");
        return new LivingDocs(root.resolve("features"), root.resolve("build"), LivingDocs.BACKENDS, procedures());
    }
}
