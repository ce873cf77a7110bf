package org.mbmskeys.mbms.bmsc.procedure;

import java.util.List;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The BM-SC's Key Request function as the {@code bmsc.registration}, {@code bmsc.deregistration} and
 * {@code bmsc.msk-request} scripts call it ({@code service(KeyRequests)}): it decides and answers one
 * authenticated request (membership and authorisation, one status per item, TS 33.246 §6.3.2.4) and says
 * what the Key Distribution function has to do next; the scripts do it. All answers are HTTP/1.1 wire
 * bytes to {@code reply}.
 */
public interface KeyRequests {

    /** §6.3.2.1A: registers the UE to the services it may have; {@link Answer#deliver()} their current MSKs. */
    Answer register(KeyRequestArrived request);

    /**
     * §6.3.2.1B: deregisters the UE from the services named; {@link Answer#invalidate()} the MSKs it no longer
     * needs for any other service.
     */
    Answer deregister(KeyRequestArrived request);

    /**
     * §6.3.2.2.1: the MSKs the UE may have ({@link Answer#deliver()}), one status per requested pair;
     * {@link Answer#pulled()} names the Key Groups whose solicited pull this request answers.
     */
    Answer mskRequest(KeyRequestArrived request);

    /** The answer to a request the checks refused (a 401 challenge, a 400, ...): nothing else happens. */
    Bytes refusal(KeyRequestArrived request);

    /**
     * What a request led to.
     *
     * @param response   the HTTP response, as wire bytes
     * @param ue         the UE (its IMPI) the request was from; empty when it was refused as a whole
     * @param deliver    MSKs to push to the UE, written as {@code MskRef} ({@code 001-01/01010002})
     * @param invalidate MSKs to invalidate at the UE (SEQl &gt; SEQu)
     * @param pulled     Key Groups ({@code 001-01/0101}) whose pending solicited pull this request answers
     */
    record Answer(Bytes response, String ue, List<String> deliver, List<String> invalidate, List<String> pulled) {

        public Answer {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(ue, "ue");
            deliver = List.copyOf(deliver);
            invalidate = List.copyOf(invalidate);
            pulled = List.copyOf(pulled);
        }
    }
}
