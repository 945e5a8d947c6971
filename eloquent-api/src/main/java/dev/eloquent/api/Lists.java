package dev.eloquent.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that, unlike {@link List#copyOf}, keep null elements: a bound value may be null. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<? extends T> list) {
        // Empty is List.of(): the usual bindings of a query event when no listener asks for values.
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
