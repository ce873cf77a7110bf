package org.mbmskeys.features.livingdocs;

import java.util.Locale;

/** A scenario's result on one backend, as the site shows it. */
enum Status {
    PASSED,
    /** A step or hook failed, or was undefined, pending or ambiguous (Cucumber's strict reading). */
    FAILED,
    /** Skipped, e.g. the backend is not on the class path: the reason is in the result's detail. */
    SKIPPED,
    /** The run's report does not have the scenario (not run, or no report). */
    MISSING;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
