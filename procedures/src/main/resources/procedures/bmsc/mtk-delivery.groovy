import org.mbmskeys.mbms.bmsc.procedure.MtkDelivery

// The resend period is the script's: every 5 s the current MTK message goes out again, so that a UE that
// joins late or lost one has the key within one period.
procedure('bmsc.mtk-delivery') {
    description 'Delivers the MTKs of a streaming session to its multicast group on port 2269: the current MTK message again every few seconds, and the next MTK ahead of the switch to it'
    spec 'TS 33.246 §6.3.3.2.2'
    input 'session', String
    initial 'delivering'

    state('delivering') {
        onEntry { send 'mikey', service(MtkDelivery).next(input('session')) }
        after(seconds(5), 'resend') {
            action {
                send 'mikey', service(MtkDelivery).current(input('session'))
                restartTimer 'resend'
            }
        }
        on(signal('next')) {
            action {
                send 'mikey', service(MtkDelivery).next(input('session'))
                restartTimer 'resend'
            }
        }
        on(signal('stop')) { goTo 'stopped' }
    }

    finalState 'stopped'
    errorState 'failed'
}
