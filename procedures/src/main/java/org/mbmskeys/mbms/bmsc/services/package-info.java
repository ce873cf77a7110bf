/**
 * The BM-SC's catalogue of protected MBMS User Services (TS 33.246 §6.3.2.1A): each service's ID, the Key
 * Groups whose MSKs protect it and its service type, which services share a Key Group, and the Membership
 * check that decides who may register.
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.bmsc.services.UserServices} and
 * {@link org.mbmskeys.mbms.bmsc.services.Membership}.
 */
package org.mbmskeys.mbms.bmsc.services;
