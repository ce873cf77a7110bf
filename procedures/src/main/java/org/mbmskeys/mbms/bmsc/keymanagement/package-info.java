/**
 * The BM-SC end of MBMS HTTP key management (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.2.1, Annex G,
 * Annex H): {@link org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction} turns one HTTP request into an
 * authenticated {@link org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall} or a ready refusal, and
 * builds the answer from the caller's per-item decisions. Transport-free: messages are the engine's HTTP
 * values.
 */
package org.mbmskeys.mbms.bmsc.keymanagement;
