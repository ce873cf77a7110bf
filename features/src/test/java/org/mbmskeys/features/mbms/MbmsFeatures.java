package org.mbmskeys.features.mbms;

import static io.cucumber.junit.platform.engine.Constants.ANSI_COLORS_DISABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The MBMS procedures specified as features ({@code features/bmsc}, {@code features/ue}): a BM-SC and UEs
 * running their shipped scripts over the in-memory network, on the backend named by
 * {@code mbmskeys.engine.backend}, with the step library ({@code mbms-keys-steps}, glue {@code org.mbmskeys.steps}). Examples tagged {@code @todo} are specified but not built yet and are not run.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages({"features.bmsc", "features.ue"})
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.mbmskeys.steps")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @todo")
@ConfigurationParameter(key = JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, value = "long")
@ConfigurationParameter(key = ANSI_COLORS_DISABLED_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class MbmsFeatures {
}
