package org.mbmskeys.features.livingdocs;

import java.util.Objects;

/**
 * One procedure as the site shows it.
 *
 * @param file     the script's resource path ({@code procedures/ue/msk-request.groovy})
 * @param script   the script's text
 * @param plantUml its state diagram as {@code DiagramWriter.plantUml()} writes it
 */
record ProcedureDoc(String name, int version, String description, String specRef, String file, String script,
                    String plantUml) {

    ProcedureDoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(specRef, "specRef");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(plantUml, "plantUml");
    }

    /** The page and diagram file name: the procedure's name with anything unusual in a file name replaced. */
    String slug() {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
