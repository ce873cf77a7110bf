import org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived
import org.mbmskeys.mbms.bmsc.procedure.KeyRequests

procedure('bmsc.msk-request') {
    description 'Answers an MSK request with one status per Key Domain ID and MSK ID pair, pushes the MSKs the UE may have (a UE registered to a service that uses them), and ends the solicited pulls the request answers'
    spec 'TS 33.246 §6.3.2.2.1'
    initial 'receiving'

    state('receiving') {
        on(KeyRequestArrived) {
            guard('refused by the checks (Annex G, Digest)') { event.refused() }
            action { reply service(KeyRequests).refusal(event) }
            goTo 'refused'
        }
        on(KeyRequestArrived) {
            action {
                def answer = service(KeyRequests).mskRequest(event)
                reply answer.response()
                for (String msk : answer.deliver()) {
                    start 'bmsc.msk-push', "${answer.ue()}|${msk}|DELIVER", [ue: answer.ue(), msk: msk, kind: 'DELIVER']
                }
                for (String group : answer.pulled()) {
                    signal 'bmsc.solicited-pull', "${answer.ue()}|${group}", 'requested'
                }
            }
            goTo 'answered'
        }
    }

    finalState 'refused'
    finalState 'answered'
    errorState 'failed'
}
