/**
 * The UE's GBA key lifetime (TS 33.246 §6.1): when to bootstrap, and the MUK and MRK per BM-SC that each
 * bootstrapping gives. Where to start: {@link org.mbmskeys.mbms.ue.gba.UeBootstrapping}.
 */
package org.mbmskeys.mbms.ue.gba;
