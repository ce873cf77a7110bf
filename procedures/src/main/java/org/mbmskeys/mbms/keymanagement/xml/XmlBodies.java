package org.mbmskeys.mbms.keymanagement.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.mbmskeys.engine.bytes.Bytes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes the key management bodies. Reading is hardened, because the BM-SC parses bodies from
 * any UE and the UE from any server: at most {@value #MAX_BODY_BYTES} bytes (counted before decoding) and
 * {@value #MAX_ITEMS} items, no document type declaration at all (so no entity can be defined, let alone
 * expanded or fetched), secure processing on, no external access, then validation against the shipped
 * TS 26.346 schema before a single value is taken out.
 */
final class XmlBodies {

    /** Largest body read: a full list of {@value #MAX_ITEMS} long service IDs fits well under it. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Most items (service IDs, MSKs, responses) in one body. */
    static final int MAX_ITEMS = 256;
    /** Most characters of the body (or of a parser message about it) a failure detail carries. */
    private static final int MAX_ECHO = 48;

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings (e.g. about schemaLocation hints) do not make a body invalid
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlBodies() {
    }

    /**
     * The root element of {@code body}, well-formed, with its items counted and valid against
     * {@code type}'s schema.
     *
     * @throws MalformedBodyException with the first problem found
     */
    static Element read(Bytes body, BodyType type) {
        return read(body, type, Optional.empty());
    }

    /**
     * The same for a body whose Content-Type has a {@code charset} parameter ({@link BodyCharset}): without a byte
     * order mark, that encoding is the body's, whatever its XML declaration says (RFC 7303 §3.2).
     *
     * @throws MalformedBodyException with the first problem found; {@link BodyFailure#NOT_XML} for a charset this JDK
     *                                does not know
     */
    static Element read(Bytes body, BodyType type, Optional<String> charset) {
        if (body.length() > MAX_BODY_BYTES) {
            throw new MalformedBodyException(BodyFailure.TOO_LARGE, "body of " + body.length() + " bytes is over the "
                    + MAX_BODY_BYTES + "-byte limit of a key management body");
        }
        byte[] bytes = body.toByteArray();
        Document document = parse(bytes, charset);
        Element root = document.getDocumentElement();
        if (!type.namespace.equals(root.getNamespaceURI()) || !type.root.equals(root.getLocalName())) {
            throw new MalformedBodyException(BodyFailure.SCHEMA, "root element is {" + clip(String.valueOf(
                    root.getNamespaceURI())) + "}" + clip(root.getLocalName()) + "; expected " + type.what());
        }
        int items = children(root, type.namespace, type.item).size();
        if (items == 0) {
            throw new MalformedBodyException(BodyFailure.EMPTY_LIST, type.root + " has no " + type.item
                    + "; at least one is required (TS 33.246 §6.3.2.4)");
        }
        if (items > MAX_ITEMS) {
            throw new MalformedBodyException(BodyFailure.TOO_LARGE, type.root + " has " + items + " " + type.item
                    + " elements; at most " + MAX_ITEMS + " are read");
        }
        validate(document, type);
        return root;
    }

    private static Document parse(byte[] bytes, Optional<String> charset) {
        // The encoding is the parser's to find, as XML 1.0 §4.3.3 and Appendix F have it: a byte order mark, else
        // the declaration, else UTF-8. We write UTF-8 and TS 26.346's examples declare it, but nothing in TS 33.246
        // or TS 26.346 requires it, and an XML processor must read UTF-16 too; a peer that declares ISO-8859-1 or
        // US-ASCII is read as it says. An encoding the JDK does not know, or bytes that are not in the declared
        // one, are not well-formed XML. The HTTP layer's charset parameter comes between the two (RFC 7303 §3.2): it
        // decides unless a byte order mark does. Its bytes are decoded here, not by the parser, which then reads
        // characters and does not look at the declaration's encoding; undecodable bytes fail the read (IOException).
        InputSource source = charset.isPresent() && !startsWithByteOrderMark(bytes)
                ? new InputSource(new InputStreamReader(new ByteArrayInputStream(bytes), known(charset.get()).newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))
                : new InputSource(new ByteArrayInputStream(bytes));
        try {
            return PARSERS.get().parse(source);
        } catch (SAXParseException e) {
            if (declaresDoctype(bytes)) {
                throw new MalformedBodyException(BodyFailure.DOCTYPE, "the body has a document type declaration; "
                        + "key management bodies must not have one");
            }
            throw new MalformedBodyException(BodyFailure.NOT_XML, "not well-formed XML at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + clip(e.getMessage()));
        } catch (SAXException e) {
            throw new MalformedBodyException(BodyFailure.NOT_XML, "not well-formed XML: " + clip(e.getMessage()));
        } catch (IOException e) {
            // Reading a byte array fails only on bytes that are not in the body's encoding.
            throw new MalformedBodyException(BodyFailure.NOT_XML, "not in its declared encoding: " + clip(e.getMessage()));
        }
    }

    private static Charset known(String charset) {
        try {
            return Charset.forName(charset);
        } catch (IllegalArgumentException e) {   // IllegalCharsetNameException, UnsupportedCharsetException
            throw new MalformedBodyException(BodyFailure.NOT_XML, "the Content-Type's charset '" + clip(charset)
                    + "' is not an encoding known here");
        }
    }

    /** UTF-8, UTF-16BE or UTF-16LE byte order mark (XML 1.0 Appendix F.1; the UCS-4 ones no JDK parser reads). */
    private static boolean startsWithByteOrderMark(byte[] b) {
        int first = b.length > 0 ? b[0] & 0xFF : -1;
        int second = b.length > 1 ? b[1] & 0xFF : -1;
        int third = b.length > 2 ? b[2] & 0xFF : -1;
        return first == 0xEF && second == 0xBB && third == 0xBF
                || first == 0xFE && second == 0xFF
                || first == 0xFF && second == 0xFE;
    }

    // Only to name the failure: the parser above has already refused the body.
    private static boolean declaresDoctype(byte[] bytes) {
        try {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes), "UTF-8");
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    return true;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return false;
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }

    private static void validate(Document document, BodyType type) {
        try {
            VALIDATORS.get().get(type).validate(new DOMSource(document));
        } catch (SAXException e) {
            throw new MalformedBodyException(BodyFailure.SCHEMA, "not valid against the TS 26.346 schema of "
                    + type.root + ": " + clip(e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("validating an in-memory document failed", e);
        }
    }

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /*
     * One parser and one validator per body type for each thread that reads bodies (the event loops and the engine's
     * lanes, a fixed few). Making them per body was about half of the XML time of an MSK request (the JFR profile of
     * MskRequestsOverHttp, docs/benchmarks.md). Neither is thread-safe, and neither keeps anything of a document once
     * it has been read: each parse and validation starts afresh, and a failed one throws before it returns.
     */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(XmlBodies::newParser);
    private static final ThreadLocal<Map<BodyType, Validator>> VALIDATORS = ThreadLocal.withInitial(() -> {
        Map<BodyType, Validator> byType = new EnumMap<>(BodyType.class);
        for (BodyType type : BodyType.values()) {
            byType.put(type, newValidator(type));
        }
        return byType;
    });

    private static DocumentBuilder newParser() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refused its hardening settings", e);
        }
    }

    private static Validator newValidator(BodyType type) {
        Validator validator = type.schema().newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK schema validator refused its hardening settings", e);
        }
        validator.setErrorHandler(THROWING);
        return validator;
    }

    private static DocumentBuilderFactory hardenedFactory() {
        // The JDK's own implementation, so a parser on the class path cannot ignore these settings.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        try {
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setCoalescing(true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refused its hardening settings", e);
        }
    }

    /** The child elements of {@code parent} called {@code {namespace}localName}, in document order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The one child element {@code {namespace}localName}; the schema has already made sure it is there. */
    static Element child(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).get(0);
    }

    /** The text of an element whose schema type collapses white space (anyURI, base64Binary). */
    static String collapsed(Element e) {
        return e.getTextContent().strip();
    }

    /** The octets of a base64Binary element (white space allowed between characters, as XML Schema does). */
    static Bytes base64(Element e) {
        String text = e.getTextContent().replaceAll("[ \\t\\r\\n]", "");
        return Bytes.wrap(Base64.getDecoder().decode(text));
    }

    static String base64(Bytes octets) {
        return Base64.getEncoder().encodeToString(octets.toByteArray());
    }

    /** Input-derived text cut to a few dozen characters for a failure message. */
    static String clip(String text) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= MAX_ECHO ? oneLine : oneLine.substring(0, MAX_ECHO) + "...";
    }

    /** Writes a body of {@code type}: the XML declaration, the root in its namespace, then {@code content}. */
    static Bytes write(BodyType type, BodyContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", type.root, type.namespace);
            w.writeDefaultNamespace(type.namespace);
            content.write(new BodyWriter(w, type.namespace));
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a " + type.root + " body failed", e);
        }
        return Bytes.wrap(out.toByteArray());
    }

    @FunctionalInterface
    interface BodyContent {
        void write(BodyWriter w) throws XMLStreamException;
    }

    /** Elements in the body's namespace, text escaped by the StAX writer. */
    static final class BodyWriter {
        private final XMLStreamWriter w;
        private final String namespace;

        private BodyWriter(XMLStreamWriter w, String namespace) {
            this.w = w;
            this.namespace = namespace;
        }

        void start(String localName) throws XMLStreamException {
            w.writeStartElement("", localName, namespace);
        }

        void end() throws XMLStreamException {
            w.writeEndElement();
        }

        void text(String localName, String text) throws XMLStreamException {
            start(localName);
            w.writeCharacters(text);
            end();
        }
    }
}
