/**
 * The BM-SC's key registry (TS 33.246 §6.3.4, §6.4.5): Key Groups of a Key Domain, their MSKs (one RAND per
 * MSK for every UE), MSK rotation, MTK allocation within the MSK's validity, and the COUNTER of every
 * protecting key.
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.bmsc.keys.KeyRegistry} over a
 * {@link org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage}.
 */
package org.mbmskeys.mbms.bmsc.keys;
