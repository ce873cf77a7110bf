package org.mbmskeys.mbms.keymanagement.xml;

import javax.xml.stream.XMLStreamException;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.w3c.dom.Element;

/**
 * The {@code MSK} element of TS 26.346 §11.3.1/§11.6/§11.8: {@code keyDomainID} (base64 of the 3-byte Key
 * Domain ID) and {@code MSKID} (base64 of the 4-byte MSK ID), e.g. {@code <keyDomainID>APEQ</keyDomainID>}
 * {@code <MSKID>AAEAAA==</MSKID>}. The Key Domain octets are written as {@link KeyDomainId#plmnOctets()} packs
 * them and read in any packing ({@link KeyDomainId#fromOctets}; docs/wire-profile.md U2).
 */
final class MskElements {

    static final String MSK = "MSK";
    private static final String KEY_DOMAIN_ID = "keyDomainID";
    private static final String MSK_ID = "MSKID";

    private MskElements() {
    }

    /** @throws IllegalArgumentException for an MSK of the reserved Key Group 0 (TS 33.246 §6.3.2.1) */
    static MskRef require(MskRef msk) {
        if (msk.keyGroup().isReserved()) {
            throw new IllegalArgumentException("MSK " + msk + " is in Key Group 0, which TS 33.246 §6.3.2.1 does not allow");
        }
        return msk;
    }

    static void write(XmlBodies.BodyWriter w, MskRef msk) throws XMLStreamException {
        w.start(MSK);
        w.text(KEY_DOMAIN_ID, XmlBodies.base64(msk.keyDomain().plmnOctets()));
        w.text(MSK_ID, XmlBodies.base64(msk.mskId().toBytes()));
        w.end();
    }

    /**
     * @throws MalformedBodyException {@link BodyFailure#BAD_ID} for a Key Domain ID that is not 3 octets, or an MSK
     *                                of Key Group 0
     */
    static MskRef read(Element msk, String namespace, int index) {
        Bytes domain = XmlBodies.base64(XmlBodies.child(msk, namespace, KEY_DOMAIN_ID));
        KeyDomainId keyDomain;
        try {
            keyDomain = KeyDomainId.fromOctets(domain);   // any packing: it is only compared (U2)
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException(BodyFailure.BAD_ID, "MSK " + index + ": keyDomainID is " + domain.length()
                    + " octets; TS 33.246 §6.3.2.1 makes it 3");
        }
        MskId mskId = MskId.fromBytes(XmlBodies.base64(XmlBodies.child(msk, namespace, MSK_ID)));
        if (mskId.keyGroup().isReserved()) {
            throw new MalformedBodyException(BodyFailure.BAD_ID, "MSK " + index + ": MSKID " + mskId
                    + " is in Key Group 0, which TS 33.246 §6.3.2.1 does not allow");
        }
        return MskRef.of(keyDomain, mskId);
    }
}
