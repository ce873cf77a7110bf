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
 * The MBMS scenarios tagged {@code @wire}, run over the real adapters on loopback: the BM-SC on a UDP socket and
 * an HTTP server, each UE on a UDP socket (port 2269 of a loopback address of its own, multicast joined on
 * {@code lo}) and an HTTP client. The Surefire execution {@code mbms-wire} sets {@code mbmskeys.steps.network=wire}
 * (without it these scenarios run on the in-memory network, like {@link MbmsFeatures}); every scenario then ends
 * with a check that the sockets' counters carried what the steps captured.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages({"features.bmsc", "features.ue"})
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.mbmskeys.steps")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "@wire and not @todo")
@ConfigurationParameter(key = JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, value = "long")
@ConfigurationParameter(key = ANSI_COLORS_DISABLED_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class MbmsWireFeatures {
}
