/**
 * Testing procedure definitions: {@link org.mbmskeys.engine.testkit.ProcedureTestKit} drives one
 * definition with virtual time and checks states, sends, replies, outcomes and rejections;
 * {@link org.mbmskeys.engine.testkit.TraceRecorder} records a
 * {@link org.mbmskeys.engine.testkit.TransitionTrace} per instance on any engine, for comparing backends.
 */
package org.mbmskeys.engine.testkit;
