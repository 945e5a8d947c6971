package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.MorphTo;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/**
 * Music store: a comment on an album or a track (a polymorphic parent: commentable_type names its class,
 * commentable_id its key). Registered with the store, but its table is created only by the cases that use
 * it ({@link ThroughAndMorphRelationKit}), so the other kits seed no more than before.
 */
@Table("comments")
public final class Comment extends Model<Comment> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("body", 200);
        t.string("commentable_type", 120).nullable();
        t.integer("commentable_id").nullable();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    public MorphTo<Comment> commentable() {
        return morphTo("commentable");
    }
}
