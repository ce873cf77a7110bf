/**
 * What the engine needs from outside, and what it tells the outside. Start with
 * {@link org.mbmskeys.engine.spi.Scheduler} (time; {@link org.mbmskeys.engine.spi.ManualScheduler} in
 * tests), {@link org.mbmskeys.engine.spi.RandomBytes}, {@link org.mbmskeys.engine.spi.InstanceStore}
 * (where {@link org.mbmskeys.engine.spi.InstanceRecord}s live) and
 * {@link org.mbmskeys.engine.spi.ProcedureListener} (steps, rejected events with a
 * {@link org.mbmskeys.engine.spi.RejectionReason}, outcomes, failures). Messages come and go through
 * {@link org.mbmskeys.engine.spi.Transport}s carrying {@link org.mbmskeys.engine.spi.Envelope}s between
 * {@link org.mbmskeys.engine.spi.Endpoint}s, are mapped to instances by
 * {@link org.mbmskeys.engine.spi.RoutingRule}s and leave through named
 * {@link org.mbmskeys.engine.spi.Channel}s. HTTP messages are values
 * ({@link org.mbmskeys.engine.spi.HttpRequestMessage}, {@link org.mbmskeys.engine.spi.HttpResponseMessage},
 * {@link org.mbmskeys.engine.spi.HttpHeaders}) that an adapter's {@link org.mbmskeys.engine.spi.HttpCodec}
 * turns into wire bytes, so procedures build and read HTTP without an HTTP library.
 *
 * <p>This package depends on nothing but the JDK and the engine's {@code bytes}.
 */
package org.mbmskeys.engine.spi;
