package org.mbmskeys.features.engine;

import static io.cucumber.junit.platform.engine.Constants.ANSI_COLORS_DISABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The engine conformance suite: every feature under {@code features/engine} on the backend named by the
 * system property {@code mbmskeys.engine.backend} ({@code native} when unset). The build runs it once per
 * backend (see the features POM), each run writing its Cucumber reports ({@code cucumber.plugin}, set by
 * the POM so that each backend gets its own folder) and one trace file per scenario ({@link TraceFiles});
 * {@code TracesAgreeTest} then compares the traces of the two runs.
 *
 * <p>Run it from an IDE as a JUnit test; add {@code -Dmbmskeys.engine.backend=spring} to pick the other
 * backend.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features.engine")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.mbmskeys.features.engine")
@ConfigurationParameter(key = JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, value = "long")
@ConfigurationParameter(key = ANSI_COLORS_DISABLED_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class EngineFeatures {
}
