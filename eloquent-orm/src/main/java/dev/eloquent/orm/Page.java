package dev.eloquent.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The page as Laravel's paginator prints it: {@code current_page}, {@code data} (each item as
     * {@link Serialization} makes it), {@code from} and {@code to} (item numbers, null on an empty page),
     * {@code last_page}, {@code per_page}, {@code total}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        long from = (long) (currentPage - 1) * perPage + 1;
        out.put("current_page", currentPage);
        out.put("data", Serialization.plain(items));
        out.put("from", items.isEmpty() ? null : from);
        out.put("last_page", lastPage());
        out.put("per_page", perPage);
        out.put("to", items.isEmpty() ? null : from + items.size() - 1);
        out.put("total", total);
        return out;
    }

    public String toJson() {
        return Serialization.toJson(this);
    }
}
