/**
 * The UE's reception of MIKEY datagrams (TS 33.246 §6.4.6, §6.5): read, check, verify, store, and what the
 * UE owes in return (a verification message, an MSK request, or nothing).
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.ue.reception.MikeyReception#receive}, which answers a sealed
 * {@link org.mbmskeys.mbms.ue.reception.Reception}.
 */
package org.mbmskeys.mbms.ue.reception;
