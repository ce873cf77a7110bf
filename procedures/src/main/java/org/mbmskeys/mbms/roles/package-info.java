/**
 * What the role code of the BM-SC and the UE expects of the procedure scripts it starts, signals and routes
 * to ({@link org.mbmskeys.mbms.roles.RoleContract}): checked when scripts load and by
 * {@code mbms-keys procedures check}.
 */
package org.mbmskeys.mbms.roles;
