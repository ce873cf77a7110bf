package org.mbmskeys.engine.dsl;

import groovy.lang.DelegatingMetaClass;
import groovy.lang.GroovySystem;

/**
 * Bare names in action bodies are procedure variables: {@code attempts = attempts + 1}. This lives in a
 * meta class rather than in {@code ActionScope} ({@code propertyMissing}, a {@code getProperty} override
 * or a {@code get(String)} method) because the static type checker treats any of those as "every name
 * exists, typed Object", which would hide typos and lose the variables' declared types.
 */
final class ActionScopeMetaClass extends DelegatingMetaClass {

    static final ActionScopeMetaClass INSTANCE = new ActionScopeMetaClass();

    private ActionScopeMetaClass() {
        super(GroovySystem.getMetaClassRegistry().getMetaClass(ActionScope.class));
        initialize();
    }

    @Override
    public Object getProperty(Object object, String property) {
        if (Keywords.actionProperties().contains(property)) {
            return super.getProperty(object, property);
        }
        return ((ActionScope) object).get(property);
    }

    @Override
    public void setProperty(Object object, String property, Object newValue) {
        if (Keywords.actionProperties().contains(property)) {
            throw new IllegalArgumentException("'" + property + "' is read-only in an action; procedure variables are set "
                    + "by name, as in attempts = attempts + 1");
        }
        ((ActionScope) object).set(property, newValue);
    }
}
