/**
 * The project wire profile (PROFILE.md §10): where the TS 33.246 texts are not confirmed, the choice
 * made here is marked {@link org.mbmskeys.mbms.profile.Unconfirmed} and kept in one place.
 */
package org.mbmskeys.mbms.profile;
