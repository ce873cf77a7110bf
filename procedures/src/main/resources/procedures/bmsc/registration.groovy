import org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived
import org.mbmskeys.mbms.bmsc.procedure.KeyRequests

// The UE was authenticated (HTTP Digest over its MRK, TS 33.246 §6.2.1.3) before this procedure runs: a
// request without valid credentials arrives refused and is only answered (a 401 challenge, a 400, ...).
procedure('bmsc.registration') {
    description 'Registers a UE to the user services it may have, answers one status per service, and pushes the current MSK of each of their Key Groups to the address the registration came from'
    spec 'TS 33.246 §6.3.2.1A'
    initial 'receiving'

    state('receiving') {
        on(KeyRequestArrived) {
            guard('refused by the checks (Annex G, Digest)') { event.refused() }
            action { reply service(KeyRequests).refusal(event) }
            goTo 'refused'
        }
        on(KeyRequestArrived) {
            action {
                def answer = service(KeyRequests).register(event)
                reply answer.response()
                for (String msk : answer.deliver()) {
                    start 'bmsc.msk-push', "${answer.ue()}|${msk}|DELIVER", [ue: answer.ue(), msk: msk, kind: 'DELIVER']
                }
            }
            goTo 'answered'
        }
    }

    finalState 'refused'
    finalState 'answered'
    errorState 'failed'
}
