/**
 * The {@code spring} execution backend: {@link org.mbmskeys.engine.backend.spring.SpringStatemachineBackend}
 * runs definitions on Spring Statemachine 4.0.2, one machine per definition and lane, reset to the
 * instance's state for every event. Its class Javadoc says how the model maps onto Spring and what Spring
 * could not express. The only package of the engine that uses Spring or Reactor; Spring Statemachine is
 * an optional dependency.
 */
package org.mbmskeys.engine.backend.spring;
