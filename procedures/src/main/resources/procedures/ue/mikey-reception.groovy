import org.mbmskeys.mbms.keymanagement.MskRequestReason
import org.mbmskeys.mbms.ue.procedure.MikeyDatagram
import org.mbmskeys.mbms.ue.procedure.MskRequestPlan
import org.mbmskeys.mbms.ue.procedure.UeMikey
import org.mbmskeys.mbms.ue.procedure.UeOutcome
import org.mbmskeys.mbms.ue.reception.Reception

// Every MIKEY datagram the UE receives, unicast and multicast: one long-lived instance per UE (key: the UE).
// MSK messages are answered with the verification message when the BM-SC asked for one; MTK messages never.
procedure('ue.mikey-reception') {
    description 'Receives every MIKEY datagram of one UE: stores MSKs and MTKs, sends the verification message back to the sender, starts MSK requests when a key is missing or the BM-SC solicits one'
    spec 'TS 33.246 §6.4.6.1, §6.4.6.2, §6.3.2.2.3, §6.3.2.2.4, §6.3.2.3.1'
    input 'ue', String
    correlateBy 'ue'
    initial 'listening'

    state('listening') {
        on(MikeyDatagram) {
            action {
                UeMikey mikey = service(UeMikey)
                MikeyDatagram datagram = event
                Reception reception = mikey.receive(datagram)
                if (reception instanceof Reception.MskStored) {
                    // §6.4.5.2: the V bit asks for the verification message, to the BM-SC that sent the push.
                    Reception.MskStored stored = (Reception.MskStored) reception
                    if (stored.verification().isPresent()) {
                        send 'mikey', mikey.answer(datagram, stored.verification().get())
                    }
                } else if (reception instanceof Reception.Duplicate) {
                    // §6.4.2: a retransmitted push: the verification message was lost, send it again.
                    send 'mikey', mikey.answer(datagram, ((Reception.Duplicate) reception).verification())
                } else if (reception instanceof Reception.MskRequestNeeded) {
                    Optional<MskRequestPlan> plan = mikey.mskRequestFor(input('ue'), (Reception.MskRequestNeeded) reception)
                    if (plan.isPresent()) {
                        MskRequestPlan request = plan.get()
                        if (request.reason() == MskRequestReason.SOLICITED_PULL) {
                            // §6.3.2.2.1: no back-off for a solicited pull, even if a request is already waiting.
                            signal 'ue.msk-request', request.key(), 'now'
                        }
                        start 'ue.msk-request', request.key(), request.inputs()
                    }
                }
                for (UeOutcome outcome : mikey.outcomes(datagram, reception)) {
                    emit outcome
                }
            }
        }
        on(signal('stop')) { goTo 'stopped' }
    }

    finalState 'stopped'
    errorState 'failed'
}
