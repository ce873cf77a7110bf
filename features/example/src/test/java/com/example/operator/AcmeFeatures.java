package com.example.operator;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * ACME's features, run by JUnit with the step library's glue ({@code org.mbmskeys.steps}). The POM names
 * the folder of ACME's own BM-SC scripts ({@code mbmskeys.steps.bmsc.scripts}).
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features/operator")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.mbmskeys.steps")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class AcmeFeatures {
}
