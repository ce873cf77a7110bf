/**
 * The UE end of MBMS HTTP key management (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.2.1, Annex G, Annex H):
 * {@link org.mbmskeys.mbms.ue.keymanagement.KeyManagementClient} builds each POST and reads the answer into
 * a {@link org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome}. Transport-free: messages are the
 * engine's HTTP values; a procedure script or an adapter moves them.
 */
package org.mbmskeys.mbms.ue.keymanagement;
