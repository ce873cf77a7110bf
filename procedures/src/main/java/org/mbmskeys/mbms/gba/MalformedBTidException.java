package org.mbmskeys.mbms.gba;

/**
 * A text is not a B-TID of the form {@code base64(RAND)@BSF-domain} (TS 33.220 §4.5.2). Thrown by
 * {@link BTid#parse}; the message names the problem and the expected form. B-TIDs are not secret.
 */
public final class MalformedBTidException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedBTidException(String text, String problem) {
        super("B-TID '" + text + "' is malformed: " + problem
                + "; expected base64(16-byte RAND) '@' BSF domain, e.g. I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    }
}
