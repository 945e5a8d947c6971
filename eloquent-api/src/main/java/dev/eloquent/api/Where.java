package dev.eloquent.api;

/** A condition and how it joins the ones before it; the first one's connector is ignored. */
public record Where(boolean or, Condition condition) {
    public static Where and(Condition condition) {
        return new Where(false, condition);
    }

    public static Where or(Condition condition) {
        return new Where(true, condition);
    }
}
