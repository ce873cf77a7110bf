package org.mbmskeys.mbms.ue.keys;

import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * An MSK push that verifies only with the last successfully used MUK, not the last generated one
 * (TS 33.246 §6.3.2.3.1: "it may happen that the BM-SC uses a still valid MUK that is not the last
 * generated MUK at the UE. The UE shall handle such a MIKEY push message in a similar way as the push
 * solicited pull MIKEY message (i.e. upon a successful integrity check the UE shall initiate an MSK request
 * with the specified Key Group). Additionally, in this case, the UE shall not create a MIKEY acknowledgement
 * message."). The answer ({@link MskUpdate.Answer#REQUEST_MSK_NO_ACK}) is settled; whether the MSK it
 * carries is also stored is not.
 */
final class LastUsedMukPush {

    /**
     * True: the MSK (or validity update, or invalidation) is applied as from any verified MSK message.
     * Annex D.1 reads so: the UICC stores the MSK "after successful MSK Update procedure" and only the ACK
     * depends on "the last generated MUK".
     */
    @Unconfirmed("U15: whether an MSK push verified only with the last successfully used MUK is still stored; "
            + "§6.3.2.3.1 says to handle it 'in a similar way as the push solicited pull' (which carries no MSK), "
            + "Annex D.1 stores on success and ties only the ACK to the last generated MUK")
    static final boolean STORES_THE_MSK = true;

    private LastUsedMukPush() {
    }
}
