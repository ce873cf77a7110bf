/**
 * The service announcement as the UE's key management reads it (TS 33.246 §6.3.2.1A): the User Service
 * Description's service protection description, and the decision whether to register, with which BM-SC, key
 * management and GBA run.
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.ue.announcement.ServiceAccess#decide}.
 */
package org.mbmskeys.mbms.ue.announcement;
