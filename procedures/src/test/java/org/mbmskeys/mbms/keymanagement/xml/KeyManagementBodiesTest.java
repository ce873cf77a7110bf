package org.mbmskeys.mbms.keymanagement.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The TS 26.346 §11.4–§11.8 bodies: written bodies read back, the examples of TS 26.346 (repaired where
 * the published text is not well-formed) are read, and every kind of bad input is refused with its reason.
 */
class KeyManagementBodiesTest {

    private static final String REG_NS = "urn:3GPP:metadata:2005:MBMS:securityRegistration";
    private static final String MSK_NS = "urn:3GPP:metadata:2005:MBMS:mskRequest";
    private static final MskRef CURRENT_OF_GROUP_1 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 0));
    private static final MskRef MSK_1_2 = MskRef.of(KeyDomainId.parse("310-410"), MskId.of(1, 2));

    private static Bytes utf8(String xml) {
        return Bytes.wrap(xml.getBytes(UTF_8));
    }

    private static String text(Bytes body) {
        return new String(body.toByteArray(), UTF_8);
    }

    private static BodyFailure failureOf(Runnable parse) {
        try {
            parse.run();
        } catch (MalformedBodyException e) {
            assertThat(e.getMessage()).as("detail stays short").hasSizeLessThan(260);
            return e.failure();
        }
        throw new AssertionError("the body was accepted");
    }

    private static String register(String inner) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityRegister xmlns=\"" + REG_NS + "\">" + inner
                + "</mbmsSecurityRegister>";
    }

    private static String mskRequest(String keyDomain, String mskId) {
        return "<mbmsMSKRequest xmlns=\"" + MSK_NS + "\"><MSK><keyDomainID>" + keyDomain + "</keyDomainID><MSKID>"
                + mskId + "</MSKID></MSK></mbmsMSKRequest>";
    }

    @Test
    void aRegistrationIsWrittenInTheTs26346NamespaceAndReadBack() {
        RegistrationRequest request = RegistrationRequest.of("urn:3gpp:mbms:example:service:1", "urn:x:b&<c>");

        Bytes xml = request.toXml();

        assertThat(text(xml)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityRegister xmlns=\""
                + REG_NS + "\"><serviceID>urn:3gpp:mbms:example:service:1</serviceID><serviceID>urn:x:b&amp;&lt;c&gt;");
        assertThat(RegistrationRequest.parse(xml)).isEqualTo(request);
    }

    @Test
    void aDeregistrationIsItsOwnFormatAndNotARegistration() {
        DeregistrationRequest request = DeregistrationRequest.of("urn:3gpp:mbms:example:service:1");

        assertThat(text(request.toXml())).contains("<mbmsSecurityDeregister xmlns=\"urn:3GPP:metadata:2005:MBMS:"
                + "securityDeregistration\">");
        assertThat(DeregistrationRequest.parse(request.toXml())).isEqualTo(request);
        assertThat(failureOf(() -> RegistrationRequest.parse(request.toXml()))).isEqualTo(BodyFailure.SCHEMA);
    }

    /** TS 26.346 §11.4.2, with the schemaLocation attribute moved back inside the start tag. */
    @Test
    void theTs26346RegistrationExampleIsRead() {
        Bytes example = utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <mbmsSecurityRegister xmlns="urn:3GPP:metadata:2005:MBMS:securityRegistration"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="urn:3GPP:metadata:2005:MBMS:securityRegistration SecurityRegistration.xsd">
                  <serviceID>urn:3gpp:mbms:example:serivce:identification:123456789abcdef</serviceID>
                </mbmsSecurityRegister>
                """);

        assertThat(RegistrationRequest.parse(example).serviceIds())
                .containsExactly("urn:3gpp:mbms:example:serivce:identification:123456789abcdef");
    }

    /** TS 26.346 §11.7.2, with the schemaLocation value repaired. */
    @Test
    void theTs26346RegistrationResponseExampleIsRead() {
        Bytes example = utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <mbmsSecurityRegisterResponse xmlns="urn:3GPP:metadata:2005:MBMS:securityRegistrationResponse"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <Response>
                    <serviceID>urn:3gpp:mbms:example:service:identification:123456789abcdef</serviceID>
                    <ResponseCode>200 OK</ResponseCode>
                  </Response>
                  <Response>
                    <serviceID>urn:3gpp:mbms:example:service:identification:fedcba987654321</serviceID>
                    <ResponseCode>200 OK</ResponseCode>
                  </Response>
                </mbmsSecurityRegisterResponse>
                """);

        RegisterResponse response = RegisterResponse.parse(example);

        assertThat(response.services()).extracting(ServiceStatus::serviceId).containsExactly(
                "urn:3gpp:mbms:example:service:identification:123456789abcdef",
                "urn:3gpp:mbms:example:service:identification:fedcba987654321");
        assertThat(response.codes()).containsExactly(ItemStatus.OK, ItemStatus.OK);
    }

    /**
     * TS 26.346 §11.8.2, read as published and with BCD Key Domain IDs: its {@code uHCd} is the octets b8 70 9d, not
     * MCC-MNC digits in the project's packing (U2), and is read as those octets, since the Key Domain ID is only
     * compared.
     */
    @Test
    void theTs26346MskResponseExampleIsReadWithItsOwnAndWithBcdKeyDomainIds() {
        String example = """
                <?xml version="1.0" encoding="UTF-8"?>
                <mbmsMSKResponse xmlns="urn:3GPP:metadata:2005:MBMS:mskResponse"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="urn:3GPP:metadata:2005:MBMS:mskResponse mskResponse.xsd">
                  <Response>
                    <MSK><keyDomainID>DOMAIN</keyDomainID><MSKID>aMkAAA==</MSKID></MSK>
                    <ResponseCode>200 OK</ResponseCode>
                  </Response>
                  <Response>
                    <MSK><keyDomainID>DOMAIN</keyDomainID><MSKID>JMtEAA==</MSKID></MSK>
                    <ResponseCode>200 OK</ResponseCode>
                  </Response>
                </mbmsMSKResponse>
                """;

        MskResponse response = MskResponse.parse(utf8(example.replace("DOMAIN", "APEQ")));

        assertThat(response.msks()).extracting(MskStatus::msk).containsExactly(
                MskRef.of(KeyDomainId.parse("001-01"), MskId.of(0x68c9, 0)),
                MskRef.of(KeyDomainId.parse("001-01"), MskId.of(0x24cb, 0x4400)));
        assertThat(MskResponse.parse(utf8(example.replace("DOMAIN", "uHCd"))).msks()).extracting(MskStatus::msk)
                .containsExactly(MskRef.of(KeyDomainId.parse("0xb8709d"), MskId.of(0x68c9, 0)),
                        MskRef.of(KeyDomainId.parse("0xb8709d"), MskId.of(0x24cb, 0x4400)));
    }

    @Test
    void anMskRequestCarriesBase64KeyDomainAndMskIdAndMayAskForTheCurrentMsk() {
        MskRequestBody request = MskRequestBody.of(CURRENT_OF_GROUP_1, MSK_1_2);

        Bytes xml = request.toXml();

        assertThat(text(xml)).contains("<MSK><keyDomainID>APEQ</keyDomainID><MSKID>AAEAAA==</MSKID></MSK>",
                "<MSK><keyDomainID>EwAU</keyDomainID><MSKID>AAEAAg==</MSKID></MSK>");
        assertThat(MskRequestBody.parse(xml)).isEqualTo(request);
        assertThat(MskRequestBody.parse(xml).msks().get(0).mskId().isCurrentMarker()).isTrue();
    }

    @Test
    void responsesCarryCodeAndReasonPhraseAndReadBack() {
        RegisterResponse register = RegisterResponse.of(new ServiceStatus("urn:a", ItemStatus.OK),
                new ServiceStatus("urn:b", ItemStatus.FORBIDDEN), new ServiceStatus("urn:c", ItemStatus.received(299)));
        MskResponse msk = MskResponse.of(new MskStatus(MSK_1_2, ItemStatus.SERVICE_UNAVAILABLE));

        assertThat(text(register.toXml())).contains("<ResponseCode>200 OK</ResponseCode>",
                "<ResponseCode>403 Forbidden</ResponseCode>", "<ResponseCode>299</ResponseCode>");
        assertThat(RegisterResponse.parse(register.toXml())).isEqualTo(register);
        assertThat(text(msk.toXml())).contains("<ResponseCode>503 Service Unavailable</ResponseCode>");
        assertThat(MskResponse.parse(msk.toXml())).isEqualTo(msk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", " 200 OK ", "200 Fine thanks"})
    void aResponseCodeIsReadByItsLeadingDigits(String code) {
        String xml = text(RegisterResponse.of(new ServiceStatus("urn:a", ItemStatus.OK)).toXml())
                .replace("<ResponseCode>200 OK</ResponseCode>", "<ResponseCode>" + code + "</ResponseCode>");

        assertThat(RegisterResponse.parse(utf8(xml)).codes()).containsExactly(ItemStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OK", "2000", "099 Low", ""})
    void aResponseCodeWithoutAStatusIsBadStatus(String code) {
        String xml = text(RegisterResponse.of(new ServiceStatus("urn:a", ItemStatus.OK)).toXml())
                .replace("200 OK", code);

        assertThat(failureOf(() -> RegisterResponse.parse(utf8(xml)))).isEqualTo(BodyFailure.BAD_STATUS);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsDefinedOrExpanded() {
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + register("<serviceID>&b;</serviceID>").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        String externalEntity = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<mbmsSecurityRegister xmlns=\"" + REG_NS + "\"><serviceID>&x;</serviceID></mbmsSecurityRegister>";
        String externalDtd = "<!DOCTYPE mbmsSecurityRegister SYSTEM \"http://127.0.0.1:1/x.dtd\">"
                + "<mbmsSecurityRegister xmlns=\"" + REG_NS + "\"><serviceID>urn:a</serviceID></mbmsSecurityRegister>";

        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(billionLaughs)))).isEqualTo(BodyFailure.DOCTYPE);
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(externalEntity)))).isEqualTo(BodyFailure.DOCTYPE);
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(externalDtd)))).isEqualTo(BodyFailure.DOCTYPE);
    }

    /**
     * Nothing a body names is fetched: an external DTD or entity on a loopback listener that answers any connection
     * (with an empty document, so that a reader that did connect would go on rather than hang) is never contacted, by
     * the parser nor by the reader that names the failure afterwards. The JDK's StAX reader fetches an external DTD
     * unless DTDs are switched off, so this pins that setting of {@code declaresDoctype} (its external entities switched
     * off as well cannot be told apart: with DTDs off none can be declared).
     */
    @Test
    void noBodyMakesTheParserFetchAnExternalDtdOrEntity() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread answering = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                        s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(UTF_8));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            answering.setDaemon(true);
            answering.start();
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/";
            String externalDtd = "<!DOCTYPE mbmsSecurityRegister SYSTEM \"" + url + "x.dtd\">"
                    + "<mbmsSecurityRegister xmlns=\"" + REG_NS + "\"><serviceID>urn:a</serviceID></mbmsSecurityRegister>";
            String externalEntity = "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + url + "e\">]>"
                    + "<mbmsSecurityRegister xmlns=\"" + REG_NS + "\"><serviceID>&x;</serviceID></mbmsSecurityRegister>";

            assertThat(failureOf(() -> RegistrationRequest.parse(utf8(externalDtd)))).isEqualTo(BodyFailure.DOCTYPE);
            assertThat(failureOf(() -> RegistrationRequest.parse(utf8(externalEntity)))).isEqualTo(BodyFailure.DOCTYPE);
            // A reader that connected has had its answer before parse returned, so the count is final here.
            assertThat(connections.get()).as("connections to the URLs the bodies named").isZero();
        }
    }

    @Test
    void aRootOfAnotherNamespaceOrNameIsNamedInTheFailure() {
        MalformedBodyException e = (MalformedBodyException) catchThrowable(() -> RegistrationRequest.parse(
                utf8(register("<serviceID>urn:a</serviceID>").replace(REG_NS, "urn:other"))));

        assertThat(e.failure()).isEqualTo(BodyFailure.SCHEMA);
        assertThat(e.getMessage()).isEqualTo("SCHEMA: root element is {urn:other}mbmsSecurityRegister; expected {" + REG_NS
                + "}mbmsSecurityRegister");
        MalformedBodyException other = (MalformedBodyException) catchThrowable(() -> RegistrationRequest.parse(
                utf8("<mbmsSecurityRegistration xmlns=\"" + REG_NS + "\"><serviceID>urn:a</serviceID></mbmsSecurityRegistration>")));
        assertThat(other.getMessage()).isEqualTo("SCHEMA: root element is {" + REG_NS + "}mbmsSecurityRegistration; expected {"
                + REG_NS + "}mbmsSecurityRegister");
    }

    @Test
    void aBodyOfExactlySixteenKibibytesIsRead() {
        String body = register("<serviceID>urn:a</serviceID>");
        String padded = body.replace("<serviceID>", "<!--" + "x".repeat(XmlBodies.MAX_BODY_BYTES - body.length() - 7)
                + "--><serviceID>");

        assertThat(padded.getBytes(UTF_8)).hasSize(XmlBodies.MAX_BODY_BYTES);
        assertThat(RegistrationRequest.parse(utf8(padded))).isEqualTo(RegistrationRequest.of("urn:a"));
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(padded.replace("<!--", "<!-- ")))))
                .isEqualTo(BodyFailure.TOO_LARGE);
    }

    /** The bytes a peer gets: the declaration, the root in its namespace, nothing after the root's end tag. */
    @Test
    void aWrittenBodyIsExactlyTheDeclarationAndTheRootElement() {
        assertThat(text(RegistrationRequest.of("urn:a").toXml())).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<mbmsSecurityRegister xmlns=\"" + REG_NS + "\"><serviceID>urn:a</serviceID></mbmsSecurityRegister>");
    }

    @Test
    void clipKeepsUpToFortyEightCharactersOnOneLine() {
        String fortyEight = "a".repeat(48);

        assertThat(XmlBodies.clip(fortyEight)).isEqualTo(fortyEight);
        assertThat(XmlBodies.clip(fortyEight + "b")).isEqualTo(fortyEight + "...");
        assertThat(XmlBodies.clip("one\ntwo\tthree\r")).isEqualTo("one two three ");
        assertThat(XmlBodies.clip(null)).isEqualTo("null");
    }

    @Test
    void anUndefinedEntityReferenceIsNotXml() {
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register("<serviceID>&x;</serviceID>")))))
                .isEqualTo(BodyFailure.NOT_XML);
    }

    @Test
    void bytesThatAreNotXmlInTheirEncodingAreNotXml() {
        Bytes latin1UnderUtf8 = Bytes.wrap(register("<serviceID>urn:caf\u00e9</serviceID>").getBytes(ISO_8859_1));
        Bytes unknownEncoding = utf8(register("<serviceID>urn:a</serviceID>").replace("UTF-8", "X-NO-SUCH-CHARSET"));

        assertThat(failureOf(() -> RegistrationRequest.parse(utf8("not xml at all")))).isEqualTo(BodyFailure.NOT_XML);
        assertThat(failureOf(() -> RegistrationRequest.parse(Bytes.empty()))).isEqualTo(BodyFailure.NOT_XML);
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register("<serviceID>urn:a</serviceID>")
                .replace("</mbmsSecurityRegister>", ""))))).isEqualTo(BodyFailure.NOT_XML);
        assertThat(failureOf(() -> RegistrationRequest.parse(latin1UnderUtf8))).isEqualTo(BodyFailure.NOT_XML);
        assertThat(failureOf(() -> RegistrationRequest.parse(unknownEncoding))).isEqualTo(BodyFailure.NOT_XML);
    }

    /**
     * XML 1.0 §4.3.3: the encoding is the body's to declare (a byte order mark, else the declaration, else UTF-8), and
     * every XML processor reads UTF-16. A peer that declares ISO-8859-1 or sends UTF-16 is read as it says.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ISO-8859-1", "US-ASCII", "UTF-16", "utf-8"})
    void aBodyInAnotherEncodingIsReadAsItDeclares(String encoding) {
        String serviceId = encoding.equals("US-ASCII") ? "urn:cafe" : "urn:caf\u00e9";
        String xml = register("<serviceID>" + serviceId + "</serviceID>").replace("encoding=\"UTF-8\"", "encoding=\"" + encoding + "\"");
        Bytes body = Bytes.wrap(xml.getBytes(Charset.forName(encoding)));   // UTF-16: with a byte order mark

        assertThat(RegistrationRequest.parse(body)).isEqualTo(RegistrationRequest.of(serviceId));
    }

    /** RFC 7303 §3.2: a byte order mark, else the Content-Type's charset, else the declaration, else UTF-8. */
    @Test
    void theContentTypesCharsetDecidesUnlessTheBodyStartsWithAByteOrderMark() {
        RegistrationRequest cafe = RegistrationRequest.of("urn:caf\u00e9");
        String declaredUtf8 = register("<serviceID>urn:caf\u00e9</serviceID>");
        String undeclared = declaredUtf8.substring(declaredUtf8.indexOf("?>") + 2);
        Optional<String> latin1 = Optional.of("ISO-8859-1");

        assertThat(RegistrationRequest.parse(Bytes.wrap(undeclared.getBytes(ISO_8859_1)), latin1)).isEqualTo(cafe);
        assertThat(failureOf(() -> RegistrationRequest.parse(Bytes.wrap(undeclared.getBytes(ISO_8859_1)))))
                .isEqualTo(BodyFailure.NOT_XML);   // without it: UTF-8, which these bytes are not
        assertThat(RegistrationRequest.parse(Bytes.wrap(declaredUtf8.getBytes(ISO_8859_1)), latin1)).isEqualTo(cafe);

        byte[] utf8 = declaredUtf8.getBytes(UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(RegistrationRequest.parse(Bytes.wrap(withBom), latin1)).isEqualTo(cafe);   // not "urn:cafÃ©"
        assertThat(RegistrationRequest.parse(Bytes.wrap(undeclared.getBytes(UTF_16)), latin1)).isEqualTo(cafe);   // FE FF
        byte[] le = undeclared.getBytes(UTF_16LE);
        byte[] leWithBom = new byte[le.length + 2];
        leWithBom[0] = (byte) 0xFF;
        leWithBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, leWithBom, 2, le.length);
        assertThat(RegistrationRequest.parse(Bytes.wrap(leWithBom), latin1)).isEqualTo(cafe);
        for (byte[] tooShort : new byte[][] {{}, {(byte) 0xEF}, {(byte) 0xEF, (byte) 0xBB}}) {   // no mark, no XML
            assertThat(failureOf(() -> RegistrationRequest.parse(Bytes.wrap(tooShort), latin1))).isEqualTo(BodyFailure.NOT_XML);
        }
        assertThat(RegistrationRequest.parse(Bytes.wrap(declaredUtf8.getBytes(UTF_8)), Optional.of("utf8"))).isEqualTo(cafe);
        assertThat(failureOf(() -> RegistrationRequest.parse(Bytes.wrap(declaredUtf8.getBytes(ISO_8859_1)),
                Optional.of("UTF-8")))).isEqualTo(BodyFailure.NOT_XML);   // the charset wins over the declaration
    }

    @Test
    void aCharsetNobodyKnowsIsNotXml() {
        Bytes body = utf8(register("<serviceID>urn:a</serviceID>"));
        for (String charset : new String[] {"X-NO-SUCH-CHARSET", "not a name"}) {
            assertThatThrownBy(() -> RegistrationRequest.parse(body, Optional.of(charset)))
                    .isInstanceOfSatisfying(MalformedBodyException.class, e -> {
                        assertThat(e.failure()).isEqualTo(BodyFailure.NOT_XML);
                        assertThat(e.getMessage()).contains("charset '" + charset + "' is not an encoding known here");
                    });
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "application/mbms-register+xml; charset=ISO-8859-1 | ISO-8859-1",
            "application/mbms-register+xml;charset=\"utf-16\" | utf-16",
            "application/mbms-register+xml ; Charset = UTF-8 ; x=y | UTF-8",
            "application/mbms-register+xml; x=\"a\"; charset=us-ascii | us-ascii"})
    void theCharsetParameterIsReadWhereverItIsAndHoweverWritten(String contentType, String charset) {
        assertThat(BodyCharset.of(contentType)).contains(charset);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"application/mbms-register+xml", "application/mbms-register+xml; charset=",
            "application/mbms-register+xml; charset=\"\"", "application/mbms-register+xml; xcharset=utf-8", ""})
    void noCharsetParameterIsNone(String contentType) {
        assertThat(BodyCharset.of(contentType)).isEmpty();
        assertThat(BodyCharset.of(null)).isEmpty();
    }

    @Test
    void aUtf8ServiceIdIsReadAsUtf8() {
        RegistrationRequest request = RegistrationRequest.of("urn:caf\u00e9:\u4e2d");

        assertThat(RegistrationRequest.parse(request.toXml())).isEqualTo(request);
    }

    @Test
    void aBodyOverSixteenKibibytesOrWithOver256ItemsIsTooLarge() {
        String padding = "<!--" + "x".repeat(XmlBodies.MAX_BODY_BYTES) + "-->";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= XmlBodies.MAX_ITEMS; i++) {
            many.append("<serviceID>u:").append(i).append("</serviceID>");
        }

        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register("<serviceID>urn:a</serviceID>" + padding)))))
                .isEqualTo(BodyFailure.TOO_LARGE);
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register(many.toString())))))
                .isEqualTo(BodyFailure.TOO_LARGE);
    }

    @Test
    void exactly256ItemsAreRead() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < XmlBodies.MAX_ITEMS; i++) {
            ids.add("u:" + i);
        }

        assertThat(RegistrationRequest.parse(new RegistrationRequest(ids).toXml()).serviceIds()).hasSize(256);
    }

    @Test
    void aListWithoutItemsIsEmptyList() {
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register(""))))).isEqualTo(BodyFailure.EMPTY_LIST);
        assertThat(failureOf(() -> MskRequestBody.parse(utf8("<mbmsMSKRequest xmlns=\"" + MSK_NS + "\"/>"))))
                .isEqualTo(BodyFailure.EMPTY_LIST);
    }

    @Test
    void whatTheSchemaDoesNotAllowIsSchema() {
        // another namespace, another root
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register("<serviceID>urn:a</serviceID>")
                .replace(REG_NS, "urn:other"))))).isEqualTo(BodyFailure.SCHEMA);
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(mskRequest("APEQ", "AAEAAA=="))))).isEqualTo(BodyFailure.SCHEMA);
        // an unknown element of the TS 26.346 namespace
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register("<serviceID>urn:a</serviceID><extra/>")))))
                .isEqualTo(BodyFailure.SCHEMA);
        // an MSK ID of 3 bytes, and one that is not base64
        assertThat(failureOf(() -> MskRequestBody.parse(utf8(mskRequest("APEQ", "AAEA"))))).isEqualTo(BodyFailure.SCHEMA);
        assertThat(failureOf(() -> MskRequestBody.parse(utf8(mskRequest("APEQ", "%%%%"))))).isEqualTo(BodyFailure.SCHEMA);
        // a keyDomainID before its MSK ID is required
        assertThat(failureOf(() -> MskRequestBody.parse(utf8("<mbmsMSKRequest xmlns=\"" + MSK_NS
                + "\"><MSK><MSKID>AAEAAA==</MSKID></MSK></mbmsMSKRequest>")))).isEqualTo(BodyFailure.SCHEMA);
    }

    /** Each thread reuses its parser and validators: a body refused halfway must leave nothing for the next one. */
    @Test
    void aBodyReadAfterOneRefusedAtEachStageIsReadWhole() {
        RegistrationRequest good = RegistrationRequest.of("urn:a", "urn:b");
        List<String> refused = List.of("not xml at all",
                "<!DOCTYPE r [<!ENTITY x \"y\">]><mbmsSecurityRegister xmlns=\"" + REG_NS + "\"/>",
                register("<serviceID>urn:a</serviceID>").replace("</mbmsSecurityRegister>", ""),
                register("<serviceID>urn:a</serviceID><extra/>"));

        for (String bad : refused) {
            assertThatThrownBy(() -> RegistrationRequest.parse(utf8(bad))).isInstanceOf(MalformedBodyException.class);
            assertThat(RegistrationRequest.parse(good.toXml())).as("after %s", bad).isEqualTo(good);
        }
    }

    @Test
    void extensionsTheSchemaAllowsAreReadPast() {
        Bytes extended = utf8(register("<serviceID>urn:a</serviceID><x:ext xmlns:x=\"urn:vendor\" x:y=\"1\">v</x:ext>")
                .replace("<mbmsSecurityRegister ", "<mbmsSecurityRegister vendorFlag=\"1\" "));

        assertThat(RegistrationRequest.parse(extended).serviceIds()).containsExactly("urn:a");
    }

    @Test
    void identifiersTheProjectCannotNameAreBadId() {
        // a Key Domain ID of 2 octets; Key Group 0
        assertThat(failureOf(() -> MskRequestBody.parse(utf8(mskRequest("AAE=", "AAEAAA=="))))).isEqualTo(BodyFailure.BAD_ID);
        assertThat(failureOf(() -> MskRequestBody.parse(utf8(mskRequest("APEQ", "AAAAAQ=="))))).isEqualTo(BodyFailure.BAD_ID);
        // a service ID of white space only (anyURI collapses it to nothing)
        assertThat(failureOf(() -> RegistrationRequest.parse(utf8(register("<serviceID>   </serviceID>")))))
                .isEqualTo(BodyFailure.BAD_ID);
    }

    @Test
    void aFailureDetailEchoesOnlyAFewDozenCharactersOfTheBody() {
        String secretLooking = "Z".repeat(3000);

        MalformedBodyException e = (MalformedBodyException) catchThrowable(
                () -> MskRequestBody.parse(utf8(mskRequest("APEQ", secretLooking))));

        assertThat(e.failure()).isEqualTo(BodyFailure.SCHEMA);
        assertThat(e.getMessage()).doesNotContain("Z".repeat(60));
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    @Test
    void valuesRefuseWhatNoBodyMayCarry() {
        assertThatThrownBy(() -> new RegistrationRequest(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 256");
        assertThatThrownBy(() -> RegistrationRequest.of("urn:a\u0001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> RegistrationRequest.of("urn:a\uffff")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XML cannot carry");
        assertThatThrownBy(() -> RegistrationRequest.of("urn:a\ud800")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RegistrationRequest.of("urn:\ud83d\ude00").serviceIds()).hasSize(1);
        assertThatThrownBy(() -> MskRequestBody.of(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(0, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Key Group 0");
    }
}
