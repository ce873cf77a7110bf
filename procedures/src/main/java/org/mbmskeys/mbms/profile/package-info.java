/**
 * The MBMS wire code points and lengths, each citing its clause of TS 33.246 or the RFCs; where the texts
 * leave a choice open, the choice is marked {@link org.mbmskeys.mbms.profile.Unconfirmed} and kept in one
 * place (docs/wire-profile.md lists them).
 */
package org.mbmskeys.mbms.profile;
