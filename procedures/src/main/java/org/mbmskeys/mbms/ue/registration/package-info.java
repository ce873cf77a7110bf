/**
 * The UE's registration life cycle for MBMS User Services (TS 33.246 §6.3.2.1A, §6.3.2.1B): which services to
 * register or deregister with which BM-SC, on first use, power-on, power-down, loss of the key management
 * connection and the user leaving, and what the BM-SC's per-service status codes mean.
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.ue.registration.UeServiceRegistrations}.
 */
package org.mbmskeys.mbms.ue.registration;
