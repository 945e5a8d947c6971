package dev.eloquent.testkit;

import dev.eloquent.orm.AbstractModelQuery;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Scope;
import dev.eloquent.orm.Table;

import java.util.Map;

/**
 * Scopes kit: a band's post with a declared global scope ({@code published}) and local scopes, as
 * static methods taking the query (usable as {@code scope(KitPost::popular)}) or built from arguments.
 */
@Table("kit_posts")
public final class KitPost extends Model<KitPost> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.integer("band_id").nullable();
        t.string("title", 100);
        t.string("status", 20);
        t.integer("votes").defaultValue(0);
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Scope<KitPost>> globalScopes() {
        return Map.of("published", query -> query.where("status", "published"));
    }

    /** A local scope: posts with at least 10 votes. */
    public static void popular(AbstractModelQuery<?, KitPost> query) {
        query.where("votes", ">=", 10);
    }

    /** A local scope with an argument, as a scope value: {@code scope(KitPost.titled("R"))}. */
    public static Scope<KitPost> titled(String prefix) {
        return query -> query.where("title", "like", prefix + "%");
    }
}
