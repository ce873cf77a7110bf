package org.mbmskeys.mbms.gba;

/**
 * The BSF as a NAF (here: the BM-SC) sees it over the Zn reference point (TS 33.220 §4.5.3): given the
 * B-TID a UE presented and the NAF's own NAF_Id, the BSF returns the NAF key material of that
 * bootstrapping (Ks_(ext)_NAF, plus Ks_int_NAF for a GBA_U subscriber), the IMPI and the key lifetime, or
 * says why it cannot.
 *
 * <p>Implementations decide expiry against an injected clock, never the system clock directly. A
 * BM-SC maps {@link NafKeyLookup.UnknownBTid} and {@link NafKeyLookup.Expired} to a new HTTP Digest
 * challenge, which makes the UE bootstrap again (TS 33.220 §4.5.3).
 *
 * <pre>{@code
 * NafKeyLookup answer = bootstrapping.lookUp(BTid.parse(digestUsername), NafId.forMbms(myFqdn));
 * if (answer instanceof NafKeyLookup.Found found) {
 *     MukMrk keys = found.keys().mukMrk();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Bootstrapping {

    /**
     * The NAF keys of bootstrapping {@code bTid} for {@code nafId}. Never throws for an unknown or
     * expired B-TID: those are answers.
     */
    NafKeyLookup lookUp(BTid bTid, NafId nafId);
}
