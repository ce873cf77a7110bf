import org.mbmskeys.mbms.bmsc.procedure.KeyDelivery

// A lost solicitation is sent again twice (after 10 s and 20 s); a UE that still does not ask (offline, or
// its answer lost) gets the MSK pushed instead, which the push procedure sends until acknowledged.
procedure('bmsc.solicited-pull') {
    description 'Asks one UE to fetch the current MSK of a Key Group (Key Number 0, no key, no V bit, under the last MUK the BM-SC knows), asks again when no MSK request follows, and pushes the MSK when the UE still does not ask'
    spec 'TS 33.246 §6.3.2.2.4'
    input 'ue', String
    input 'group', String
    initial 'soliciting'

    state('soliciting') {
        onEntry {
            def delivery = service(KeyDelivery)
            def pull = delivery.solicit(input('ue'), input('group'))
            if (pull.isPresent()) {
                send 'mikey', delivery.datagram(pull.get())
            } else {
                signal procedure, key, 'not-prepared'   // no MUK of the UE is known
            }
        }
        on(signal('requested')) { goTo 'pulled' }
        on(signal('not-prepared')) { goTo 'pushed' }
        after(seconds(10), 'solicitAgain') {
            retry 2, backoff: 2.0
            goTo 'unanswered'
        }
    }

    finalState 'pulled'
    // Unanswered: the MSK is pushed instead, unless the MUK is past its lifetime, when no push can be made (a push
    // would come back here as a pull) and the UE gets the MSK when it next asks (§6.3.2.2.3, §6.3.2.2.4).
    state('unanswered') {
        onEntry { signal procedure, key, 'decide' }
        on(signal('decide')) {
            guard('the MUK expired') { service(KeyDelivery).mukExpired(input('ue')) }
            action { service(KeyDelivery).unanswered(input('ue'), input('group')) }
            goTo 'abandoned'
        }
        on(signal('decide')) { goTo 'pushed' }
    }
    finalState 'abandoned'
    finalState('pushed') {
        onEntry {
            String msk = service(KeyDelivery).unanswered(input('ue'), input('group'))
            start 'bmsc.msk-push', "${input('ue')}|${msk}|DELIVER", [ue: input('ue'), msk: msk, kind: 'DELIVER']
        }
    }
    errorState 'failed'
}
