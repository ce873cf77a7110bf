package org.mbmskeys.mbms.ue.registration;

/** Where one service stands with its BM-SC (TS 33.246 §6.3.2.1A, §6.3.2.1B). */
public enum RegistrationState {
    /** Not registered, and no request under way. */
    NOT_REGISTERED,
    /** A registration request was asked for ({@link RegistrationAction.Register}) and is not answered yet. */
    REGISTERING,
    /** The BM-SC answered the registration with a 2xx status code for this service. */
    REGISTERED,
    /** A deregistration request was asked for and is not answered yet. */
    DEREGISTERING,
    /**
     * The BM-SC answered the registration with a status code that is not repeated (Annex G.2.4: the UE repeats
     * only after 401 and 503), e.g. 403 for a user not authorised.
     */
    REFUSED
}
