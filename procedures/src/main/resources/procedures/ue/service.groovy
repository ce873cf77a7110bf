import org.mbmskeys.mbms.ue.keys.UiccId
import org.mbmskeys.mbms.ue.procedure.LifecycleStep
import org.mbmskeys.mbms.ue.procedure.UeLifecycle
import org.mbmskeys.mbms.ue.procedure.UeOutcome
import org.mbmskeys.mbms.ue.registration.RegistrationAction

// The UE's MBMS User Service life cycle: one long-lived instance per UE (key: the UE). Each event asks the
// registration model which requests it needs and starts one ue.registration or ue.deregistration per BM-SC.
procedure('ue.service') {
    description 'The life cycle of the UE\'s MBMS User Services: first use, power-on, power-down, lost key management connection, leaving a service and a card change start registrations and deregistrations'
    spec 'TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.1'
    input 'ue', String
    correlateBy 'ue'
    variable 'requests', Integer, 0
    initial 'alive'

    state('alive') {
        initial 'off'

        // The requests of one event: one instance each, keyed <ue>/<procedure>/<n>.
        on(signal('step')) {
            action {
                LifecycleStep step = (LifecycleStep) event.payload
                for (UeOutcome outcome : step.outcomes()) {
                    emit outcome
                }
                for (RegistrationAction request : step.requests()) {
                    requests = requests + 1
                    String kind = request instanceof RegistrationAction.Register ? 'ue.registration' : 'ue.deregistration'
                    start kind, input('ue') + '/' + kind + '/' + requests, [ue: input('ue'), request: request]
                }
            }
        }

        state('off') {
            // §6.3.2.1A: registration "shall be performed at subsequent power on", unless left or the card changed.
            on(signal('powerOn')) {
                action { signal procedure, key, 'step', service(UeLifecycle).powerOn(input('ue')) }
                goTo 'on'
            }
            // §6.1: another card deletes every MBMS key; services registered with the old one are forgotten.
            on(signal('uiccChanged')) {
                action { signal procedure, key, 'step', service(UeLifecycle).uiccChanged(input('ue'), (UiccId) event.payload) }
            }
        }

        state('on') {
            on(signal('use')) {
                action { signal procedure, key, 'step', service(UeLifecycle).use(input('ue'), (String) event.payload) }
            }
            on(signal('leave')) {
                action { signal procedure, key, 'step', service(UeLifecycle).leave(input('ue'), (String) event.payload) }
            }
            // §6.3.2.1A: the network released the key management PDP context / PDN connection.
            on(signal('connectionLost')) {
                action { signal procedure, key, 'step', service(UeLifecycle).connectionLost(input('ue')) }
            }
            on(signal('uiccChanged')) {
                action {
                    UeLifecycle life = service(UeLifecycle)
                    signal procedure, key, 'step', life.uiccChanged(input('ue'), (UiccId) event.payload)
                    signal procedure, key, 'step', life.powerOn(input('ue'))
                }
            }
            // §6.3.2.1B: "the UE shall deregister ... at power-down for all ongoing services".
            on(signal('powerDown')) {
                action { signal procedure, key, 'step', service(UeLifecycle).powerDown(input('ue')) }
                goTo 'off'
            }
        }
    }

    errorState 'failed'
}
