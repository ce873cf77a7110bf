/**
 * The BM-SC's registrations (TS 33.246 §6.3.2.1A, §6.3.2.1B): per UE (IMPI) the services it is registered
 * to, the B-TID of its last authenticated request, the address MIKEY goes to (§6.3.1) and the last MUK the
 * BM-SC derived for it; register and deregister with one status code per service (§6.3.2.4, G.2.4), the
 * MSK request authorisation (§6.3.2.2.1), and operator queries.
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.bmsc.registrations.Registrations} over a
 * {@link org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage}.
 */
package org.mbmskeys.mbms.bmsc.registrations;
