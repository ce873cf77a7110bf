/**
 * The XML bodies of MBMS key management (TS 33.246 Annex G; formats, namespaces and schemas of TS 26.346
 * §11.4–§11.8, shipped as resources of this package and enforced on every read):
 * {@link org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest},
 * {@link org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest},
 * {@link org.mbmskeys.mbms.keymanagement.xml.MskRequestBody} and the answers
 * {@link org.mbmskeys.mbms.keymanagement.xml.RegisterResponse} and
 * {@link org.mbmskeys.mbms.keymanagement.xml.MskResponse}. Each has {@code toXml()} and a static
 * {@code parse(Bytes)} that refuses bad input with a {@link org.mbmskeys.mbms.keymanagement.xml.MalformedBodyException}
 * naming a {@link org.mbmskeys.mbms.keymanagement.xml.BodyFailure}.
 */
package org.mbmskeys.mbms.keymanagement.xml;
