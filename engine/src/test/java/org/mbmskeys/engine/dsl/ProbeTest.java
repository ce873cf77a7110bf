package org.mbmskeys.engine.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeTest {
    static Map<String, String> scripts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("unknownKeywordProc", """
                procedure('t') {
                    desription 'x'
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """);
        m.put("misplaced", """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { retry 3; goTo 'done' }
                        goTo 'done'
                    }
                    finalState 'done'
                    seconds(5)
                }
                """);
        m.put("wrongArgs", """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(42) { goTo 'done' }
                        on('x') { goTo 'done' }
                        after(5) { goTo 'done' }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """);
        m.put("unknownClass", """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Akc) { goTo 'done' }
                        on(Ack) { goTo }
                    }
                    finalState 'done'
                }
                """);
        m.put("actionTypos", """
                procedure('t') {
                    variable 'attempts', Integer, 0
                    initial 'a'
                    state('a') {
                        onEntry { sned 'x', 1; attemps = 2; goTo 'done' }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """);
        m.put("twice", """
                procedure('t') {
                    description 'a'
                    description 'b'
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done'; goTo 'a' }
                    }
                    state('a') { }
                    finalState 'done'
                }
                """);
        m.put("failure", """
                procedure('t') {
                    initial 'a'
                    def x = 1 / 0
                    state('a') {
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """);
        m.put("syntax", """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done' }
                    finalState 'done'
                }
                """);
        m.put("syntax2", """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done' ]
                    }
                    finalState 'done'
                }
                """);
        m.put("syntax3", """
                procedure('t') {
                    initial 'a
                    state('a') {
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """);
        m.put("syntax4", """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack { goTo 'done' }
                    }
                    finalState 'done'
                }
                """);
        m.put("import", """
                import org.example.Nope
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """);
        m.put("verifier", """
                procedure('t') {
                    input 'ue', String
                    correlateBy 'eu'
                    initial 'sendng'
                    state('sending') {
                        onEntry { send 'x', 1 }
                        on(Ack) { goTo 'dnoe' }
                        on(Signal) { goTo 'done' }
                    }
                    state('lost') { on(Ack) { goTo 'done' } }
                    state('stuck') { }
                    finalState('done') { after(seconds(1)) { goTo 'sending' } }
                }
                """);
        return m;
    }

    @Test
    void probe() {
        for (boolean st : new boolean[] {true, false}) {
            ProcedureCompiler c = ProcedureCompiler.builder().imports("org.mbmskeys.engine.dsl.events.*").compileStatic(st).build();
            for (var e : scripts().entrySet()) {
                System.out.println("== " + e.getKey() + " static=" + st);
                c.compile("t.groovy", e.getValue()).problems().forEach(p -> System.out.println("  " + p));
            }
        }
    }
}
