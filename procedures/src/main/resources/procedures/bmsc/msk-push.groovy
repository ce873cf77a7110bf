import org.mbmskeys.mbms.bmsc.distribution.PreparedPush
import org.mbmskeys.mbms.bmsc.procedure.KeyDelivery
import org.mbmskeys.mbms.bmsc.procedure.MikeyArrived

// An operator changes the retransmission schedule here: the first resend after 2 s, then doubling up to
// 30 s, 5 resends at most (sent at 0, 2, 6, 14, 30 and 60 s; given up at 90 s).
procedure('bmsc.msk-push') {
    description 'Sends one UE an MSK message with the V bit (a new MSK, a key validity update or an invalidation) and waits for its verification message, sending it again with the next counter on a back-off schedule'
    spec 'TS 33.246 §6.3.2.3.1'
    input 'ue', String
    input 'msk', String
    input 'kind', String
    variable 'push', PreparedPush
    initial 'pushing'

    state('pushing') {
        onEntry {
            def delivery = service(KeyDelivery)
            def next = push == null ? delivery.push(key.toString(), input('ue'), input('msk'),
                    KeyDelivery.Kind.valueOf(input('kind')))
                    : delivery.retransmission(key.toString(), push)
            if (next.isPresent()) {
                push = next.get()
                send 'mikey', delivery.datagram(next.get())
            } else {
                signal procedure, key, 'not-prepared'   // why is logged ('MSK message not sent: REASON'); nothing was sent, so no delivery record
            }
        }
        on(MikeyArrived) {
            guard('acknowledges this push') { push != null && service(KeyDelivery).acknowledges(push, event) }
            action { emit service(KeyDelivery).delivered(push, event) }
            goTo 'delivered'
        }
        // §6.3.2.2.4: past the BM-SC's MUK lifetime only a solicited pull may use the MUK (NOTE 1); the UE answers it
        // with an MSK request (under a new B-TID, after a bootstrapping renegotiation) and the MSK is pushed then.
        // Only for a push not sent yet: resends that run past the lifetime end the push as before.
        on(signal('not-prepared')) {
            guard('a new MSK not sent yet, but the MUK expired') {
                push == null && input('kind') == 'DELIVER' && service(KeyDelivery).mukExpired(input('ue'))
            }
            action {
                String group = service(KeyDelivery).keyGroupOf(input('msk'))
                start 'bmsc.solicited-pull', "${input('ue')}|${group}", [ue: input('ue'), group: group]
            }
            goTo 'solicited'
        }
        on(signal('not-prepared')) { goTo 'not-delivered' }
        after(seconds(2), 'resend') {
            retry 5, backoff: 2.0, max: seconds(30)
            action { emit service(KeyDelivery).gaveUp(push) }
            goTo 'not-delivered'
        }
    }

    finalState 'delivered'
    finalState 'solicited'
    finalState 'not-delivered'
    errorState 'failed'
}
