package dev.eloquent.orm;

import java.util.List;

/**
 * One page of a {@code paginate(perPage, page)}: its items and the total number of matching rows, counted
 * by a second statement over the same conditions.
 *
 * @param currentPage the page number, from 1
 */
public record Page<R>(List<R> items, long total, int perPage, int currentPage) {
    public Page {
        items = List.copyOf(items);
    }

    /** Counts only: the items are rows, whose values stay out of anything that may be logged. */
    @Override
    public String toString() {
        return "Page[page " + currentPage + " of " + lastPage() + ", " + items.size() + " items of " + total + ", " + perPage + " per page]";
    }

    /** The number of the last page; 1 when nothing matches. */
    public int lastPage() {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    public boolean hasMorePages() {
        return currentPage < lastPage();
    }
}
