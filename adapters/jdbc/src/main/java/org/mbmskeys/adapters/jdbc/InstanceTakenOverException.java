package org.mbmskeys.adapters.jdbc;

/**
 * A node saved an instance whose row another node has taken over, after this node's lease lapsed: the save is
 * refused, so the step's sends and replies are not carried out, and the instance runs on the other node only.
 */
public final class InstanceTakenOverException extends RuntimeException {

    public InstanceTakenOverException(String message) {
        super(message);
    }
}
