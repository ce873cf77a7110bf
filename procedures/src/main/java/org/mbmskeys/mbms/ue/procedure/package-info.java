/**
 * The contract between the UE's procedure scripts ({@code procedures/ue/*.groovy}) and the UE's role code
 * (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.2, §6.3.2.3.1, §6.4.6): the events the scripts wait for
 * ({@link org.mbmskeys.mbms.ue.procedure.MikeyDatagram}, {@link org.mbmskeys.mbms.ue.procedure.KeyManagementAnswer}),
 * the role services they call with {@code service(Type)} ({@link org.mbmskeys.mbms.ue.procedure.UeMikey},
 * {@link org.mbmskeys.mbms.ue.procedure.UeKeyManagement}, {@link org.mbmskeys.mbms.ue.procedure.UeLifecycle}) and
 * the outcomes they emit ({@link org.mbmskeys.mbms.ue.procedure.UeOutcome}). An overriding script is compiled
 * against these types; the facade {@link org.mbmskeys.mbms.ue.Ue} implements the services.
 */
package org.mbmskeys.mbms.ue.procedure;
