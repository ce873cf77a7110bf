package org.mbmskeys.engine.dsl;

import groovy.lang.DelegatingMetaClass;
import groovy.lang.GroovySystem;
import groovy.lang.MetaMethod;

/**
 * What a dynamically run action body sees of its scope: the action keywords, and procedure variables as
 * bare names ({@code attempts = attempts + 1}). Variables live here rather than in {@code ActionScope}
 * ({@code propertyMissing}, a {@code getProperty} override or a {@code get(String)} method) because the
 * static type checker treats any of those as "every name exists, typed Object", which would hide typos and
 * lose the variables' declared types. Like {@link BlockMetaClass}, it dispatches keywords only.
 */
final class ActionScopeMetaClass extends DelegatingMetaClass {

    static final ActionScopeMetaClass INSTANCE = new ActionScopeMetaClass();

    private ActionScopeMetaClass() {
        super(GroovySystem.getMetaClassRegistry().getMetaClass(ActionScope.class));
        initialize();
    }

    // Deprecated in DelegatingMetaClass, yet it is what Groovy's closures call to find a delegate's method.
    @SuppressWarnings({"deprecation", "rawtypes"})
    @Override
    public MetaMethod pickMethod(String methodName, Class[] arguments) {
        return Keywords.of(BlockKind.ACTION).contains(methodName) ? super.pickMethod(methodName, arguments) : null;
    }

    @Override
    public Object invokeMethod(Object object, String methodName, Object[] arguments) {
        if (Keywords.of(BlockKind.ACTION).contains(methodName)) {
            return super.invokeMethod(object, methodName, arguments);
        }
        return ((ActionScope) object).methodMissing(methodName, arguments);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object invokeMethod(Class sender, Object object, String methodName, Object[] arguments, boolean isCallToSuper,
                               boolean fromInsideClass) {
        if (Keywords.of(BlockKind.ACTION).contains(methodName)) {
            return super.invokeMethod(sender, object, methodName, arguments, isCallToSuper, fromInsideClass);
        }
        return ((ActionScope) object).methodMissing(methodName, arguments);
    }

    @Override
    public Object invokeMethod(Object object, String methodName, Object arguments) {
        Object[] array = arguments instanceof Object[] a ? a : arguments == null ? new Object[0] : new Object[] {arguments};
        return invokeMethod(object, methodName, array);
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
