/**
 * Netty UDP transport: unicast MIKEY datagrams on port 2269 and multicast MTK delivery. Moves bytes
 * between endpoints and knows no MIKEY.
 */
package org.mbmskeys.adapters.udp;
