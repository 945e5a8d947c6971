package dev.eloquent.orm;

import java.util.List;

/**
 * One page of a {@code simplePaginate(perPage, page)}: its items and whether another page follows, found
 * by reading one row more than the page holds; no count is run.
 */
public record Slice<R>(List<R> items, int perPage, int currentPage, boolean hasMorePages) {
    public Slice {
        items = List.copyOf(items);
    }

    /** Counts only: the items are rows, whose values stay out of anything that may be logged. */
    @Override
    public String toString() {
        return "Slice[page " + currentPage + ", " + items.size() + " items, " + perPage + " per page, more " + hasMorePages + "]";
    }
}
