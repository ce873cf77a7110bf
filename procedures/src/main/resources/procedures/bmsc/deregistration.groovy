import org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived
import org.mbmskeys.mbms.bmsc.procedure.KeyRequests

procedure('bmsc.deregistration') {
    description 'Deregisters a UE from user services, answers one status per service, and invalidates at the UE (SEQl above SEQu) the MSKs it no longer needs for any other service'
    spec 'TS 33.246 §6.3.2.1B'
    initial 'receiving'

    state('receiving') {
        on(KeyRequestArrived) {
            guard('refused by the checks (Annex G, Digest)') { event.refused() }
            action { reply service(KeyRequests).refusal(event) }
            goTo 'refused'
        }
        on(KeyRequestArrived) {
            action {
                def answer = service(KeyRequests).deregister(event)
                reply answer.response()
                for (String msk : answer.invalidate()) {
                    start 'bmsc.msk-push', "${answer.ue()}|${msk}|INVALIDATE", [ue: answer.ue(), msk: msk, kind: 'INVALIDATE']
                }
            }
            goTo 'answered'
        }
    }

    finalState 'refused'
    finalState 'answered'
    errorState 'failed'
}
