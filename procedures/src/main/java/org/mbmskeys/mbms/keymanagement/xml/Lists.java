package org.mbmskeys.mbms.keymanagement.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class Lists {

    private Lists() {
    }

    @SafeVarargs
    static <T> List<T> of(T first, T... more) {
        List<T> out = new ArrayList<>(1 + more.length);
        out.add(first);
        out.addAll(Arrays.asList(more));
        return out;
    }
}
