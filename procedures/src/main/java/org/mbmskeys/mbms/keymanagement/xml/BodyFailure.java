package org.mbmskeys.mbms.keymanagement.xml;

/**
 * Why a key management XML body was refused. Closed: every {@link MalformedBodyException} names one. On
 * the BM-SC each is a 400 Bad Request (TS 33.246 table G.2.4-1: "request missing or malformed").
 */
public enum BodyFailure {
    /** Not well-formed XML, bytes that are not in the body's encoding, or an encoding the JDK does not know. */
    NOT_XML,
    /** The body has a document type declaration: refused before any of it is read (no DTDs, no entities). */
    DOCTYPE,
    /** Over the size limit (16 KiB) or the item limit (256 service IDs, MSKs or responses). */
    TOO_LARGE,
    /** Well-formed, but not valid against the TS 26.346 schema of its media type (wrong root, namespace, element). */
    SCHEMA,
    /** The list of services or MSKs is empty; TS 33.246 §6.3.2.4 wants at least one item. */
    EMPTY_LIST,
    /**
     * Valid against the schema, but an identifier is not one this project can name: a Key Domain ID that is
     * not 3 octets of MCC-MNC digits, an MSK of Key Group 0, a blank or control-character service ID.
     */
    BAD_ID,
    /** A {@code ResponseCode} that does not start with a three-digit status code. */
    BAD_STATUS
}
