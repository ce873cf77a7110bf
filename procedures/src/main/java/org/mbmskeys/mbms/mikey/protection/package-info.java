/**
 * MBMS MIKEY messages of the project profile, protected and opened: {@link
 * org.mbmskeys.mbms.mikey.protection.MikeySealer} builds MSK, MTK and solicited-pull messages (BM-SC) and
 * verification messages (UE); {@link org.mbmskeys.mbms.mikey.protection.MikeyReader} classifies inbound
 * bytes; {@link org.mbmskeys.mbms.mikey.protection.MikeyOpener} checks the MAC over the received bytes and
 * only then decrypts. Start with the sealer's Javadoc for the message shapes.
 */
package org.mbmskeys.mbms.mikey.protection;
