package io.sophia.report.internal;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies a text transformation to every string of an assessment (all records rebuilt), so a
 * renderer can never print a string that did not pass through the redaction.
 *
 * <p>It walks the records by their components rather than by a list of kinds: a field or an
 * observation kind added to core is scrubbed without a change here. Strings and lists of
 * strings are transformed; nested records and lists of records are walked; everything else
 * (numbers, enums, instants, durations, {@link CauseId}s, which are a closed vocabulary and
 * validated) is kept as it is.
 */
public final class AssessmentScrubber {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private AssessmentScrubber() {
    }

    public static Assessment scrub(Assessment a, UnaryOperator<String> f) {
        return (Assessment) map(a, f);
    }

    private static Object map(Object v, UnaryOperator<String> f) {
        if (v instanceof String s) {
            return f.apply(s);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(map(x, f));
            }
            return out;
        }
        if (v instanceof Record r && !(v instanceof CauseId)) {
            return SHAPES.get(r.getClass()).rebuild(r, f);
        }
        return v;
    }

    /** A record's accessors and canonical constructor. */
    private record Shape(Method[] accessors, Constructor<?> canonical) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
            }
            try {
                return new Shape(accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }

        Object rebuild(Record r, UnaryOperator<String> f) {
            try {
                Object[] args = new Object[accessors.length];
                for (int i = 0; i < accessors.length; i++) {
                    args[i] = map(accessors[i].invoke(r), f);
                }
                return canonical.newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("cannot rebuild a " + r.getClass().getSimpleName(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot rebuild a " + r.getClass().getSimpleName(), e);
            }
        }
    }
}
