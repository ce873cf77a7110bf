package org.mbmskeys.mbms.keymanagement.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The five TS 26.346 §11.4–§11.8 formats: namespace, root element, repeated item element, and the
 * schema shipped next to this class. Each schema is compiled once, on first use; a compiled
 * {@link Schema} is thread-safe.
 */
enum BodyType {

    REGISTER("urn:3GPP:metadata:2005:MBMS:securityRegistration", "mbmsSecurityRegister", "serviceID",
            "SecurityRegistration.xsd"),
    DEREGISTER("urn:3GPP:metadata:2005:MBMS:securityDeregistration", "mbmsSecurityDeregister", "serviceID",
            "SecurityDeregistration.xsd"),
    MSK_REQUEST("urn:3GPP:metadata:2005:MBMS:mskRequest", "mbmsMSKRequest", "MSK", "mskRequest.xsd"),
    REGISTER_RESPONSE("urn:3GPP:metadata:2005:MBMS:securityRegistrationResponse", "mbmsSecurityRegisterResponse",
            "Response", "securityRegistrationResponse.xsd"),
    MSK_RESPONSE("urn:3GPP:metadata:2005:MBMS:mskResponse", "mbmsMSKResponse", "Response", "mskResponse.xsd");

    final String namespace;
    final String root;
    final String item;
    private final String schemaFile;
    private volatile Schema schema;

    BodyType(String namespace, String root, String item, String schemaFile) {
        this.namespace = namespace;
        this.root = root;
        this.item = item;
        this.schemaFile = schemaFile;
    }

    Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = compile();
            schema = s; // racing threads compile equal schemas; either may win
        }
        return s;
    }

    private Schema compile() {
        try (InputStream in = BodyType.class.getResourceAsStream(schemaFile)) {
            if (in == null) {
                throw new IllegalStateException("schema " + schemaFile + " is missing from the procedures jar");
            }
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, schemaFile));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("schema " + schemaFile + " shipped with the procedures does not compile", e);
        }
    }

    String what() {
        return "{" + namespace + "}" + root;
    }
}
