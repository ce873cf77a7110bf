package org.mbmskeys.mbms.ue.reception;

/**
 * Why {@link MikeyReception} itself discarded a datagram that the reader and the key store would accept.
 */
public enum ReceptionRejection {

    /**
     * An MSK push (not a solicited pull) protected with a MUK whose GBA key lifetime is over. TS 33.246
     * §6.3.2.2.4 NOTE 1 lets the BM-SC use a MUK beyond the lifetime only for the first message of a solicited
     * pull; §6.3.2.3.1 pushes use "a still valid MUK".
     */
    MUK_EXPIRED
}
