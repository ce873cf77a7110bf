package org.mbmskeys.engine.dsl;

import groovy.lang.DelegatingMetaClass;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.GroovySystem;
import groovy.lang.MetaMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * What a dynamically run script sees of a block object: its public keyword methods, nothing else.
 * Groovy's default meta class would also resolve bare words to the block's fields (of any visibility)
 * and dispatch its package-private methods, so a script could read or call the build's internals; here
 * every other word goes to the block's {@code methodMissing} / {@code propertyMissing}, which report it.
 * (Statically compiled scripts cannot see package-private methods; the fields of block classes start with
 * {@code $} so that no script word names one.)
 */
final class BlockMetaClass extends DelegatingMetaClass {

    private static final ClassValue<BlockMetaClass> BY_CLASS = new ClassValue<>() {
        @Override
        protected BlockMetaClass computeValue(Class<?> type) {
            return new BlockMetaClass(type);
        }
    };

    private final Set<String> keywords = new HashSet<>();

    private BlockMetaClass(Class<?> type) {
        super(GroovySystem.getMetaClassRegistry().getMetaClass(type));
        initialize();
        for (Method m : type.getMethods()) {
            Class<?> owner = m.getDeclaringClass();
            if (!Modifier.isStatic(m.getModifiers()) && owner != Object.class && owner != GroovyObjectSupport.class
                    && owner != DslBlock.class && !m.getName().endsWith("Missing")
                    && !owner.isInterface()) {
                keywords.add(m.getName());
            }
        }
    }

    static BlockMetaClass of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    // Deprecated in DelegatingMetaClass, yet it is what Groovy's closures call to find a delegate's method.
    @SuppressWarnings({"deprecation", "rawtypes"})
    @Override
    public MetaMethod pickMethod(String methodName, Class[] arguments) {
        return keywords.contains(methodName) ? super.pickMethod(methodName, arguments) : null;
    }

    @Override
    public Object invokeMethod(Object object, String methodName, Object[] arguments) {
        if (keywords.contains(methodName)) {
            return super.invokeMethod(object, methodName, arguments);
        }
        return ((DslBlock) object).methodMissing(methodName, arguments);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object invokeMethod(Class sender, Object object, String methodName, Object[] arguments, boolean isCallToSuper,
                               boolean fromInsideClass) {
        if (keywords.contains(methodName)) {
            return super.invokeMethod(sender, object, methodName, arguments, isCallToSuper, fromInsideClass);
        }
        return ((DslBlock) object).methodMissing(methodName, arguments);
    }

    @Override
    public Object invokeMethod(Object object, String methodName, Object arguments) {
        Object[] array = arguments instanceof Object[] a ? a : arguments == null ? new Object[0] : new Object[] {arguments};
        return invokeMethod(object, methodName, array);
    }

    @Override
    public Object getProperty(Object object, String property) {
        return ((DslBlock) object).propertyMissing(property);
    }

    @Override
    public void setProperty(Object object, String property, Object newValue) {
        ((DslBlock) object).propertyMissing(property, newValue);
    }
}
