package dev.eloquent.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that, unlike {@link List#copyOf}, keep null elements: a bound value may be null. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<? extends T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
