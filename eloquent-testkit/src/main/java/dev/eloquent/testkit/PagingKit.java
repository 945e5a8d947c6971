package dev.eloquent.testkit;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Page;
import dev.eloquent.orm.Slice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** limit/offset and their aliases, forPage, paginate with totals and simplePaginate without. */
public interface PagingKit extends StoreSupport {
    @Test
    default void limitOffsetTakeSkipAndForPageAgree() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> all = strings(db.query(Track.class).orderBy("name").get(), "name");
            List<String> second = all.subList(5, 10);
            assertEquals(second, strings(db.query(Track.class).orderBy("name").limit(5).offset(5).get(), "name"));
            assertEquals(second, strings(db.query(Track.class).orderBy("name").take(5).skip(5).get(), "name"));
            assertEquals(second, strings(db.query(Track.class).orderBy("name").forPage(2, 5).get(), "name"));
            assertEquals(all.subList(20, 23), strings(db.query(Track.class).orderBy("name").offset(20).get(), "name"));
            assertEquals(List.of(), db.query(Track.class).orderBy("name").forPage(6, 5).get());
        }
    }

    @Test
    default void paginateReportsTheTotalAndTheLastPage() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> all = strings(db.query(Track.class).orderBy("name").get(), "name");
            Page<Track> second = db.query(Track.class).orderBy("name").paginate(5, 2);
            assertEquals(all.subList(5, 10), strings(second.items(), "name"));
            assertEquals(23, second.total());
            assertEquals(5, second.perPage());
            assertEquals(2, second.currentPage());
            assertEquals(5, second.lastPage());
            assertTrue(second.hasMorePages());

            Page<Track> last = db.query(Track.class).orderBy("name").paginate(5, 5);
            assertEquals(all.subList(20, 23), strings(last.items(), "name"));
            assertFalse(last.hasMorePages());
            Page<Track> beyond = db.query(Track.class).orderBy("name").paginate(5, 6);
            assertEquals(List.of(), beyond.items());
            assertEquals(23, beyond.total());

            Page<Track> rock = db.query(Track.class).where("genre_id", store.genre("Rock")).orderBy("name").paginate(4, 1);
            assertEquals(6, rock.total());
            assertEquals(2, rock.lastPage());
            assertEquals(4, rock.items().size());

            Page<Track> none = db.query(Track.class).where("name", "No Such Track").paginate(5, 1);
            assertEquals(0, none.total());
            assertEquals(1, none.lastPage(), "an empty result still has one (empty) page");
            assertFalse(none.hasMorePages());
        }
    }

    @Test
    default void paginateCountsTheGroupsOfAGroupedQuery() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Page<Map<String, Object>> groups = db.table("tracks").select("genre_id", "count(*) as tracks")
                    .whereNotNull("genre_id").groupBy("genre_id").orderBy("genre_id").paginate(2, 1);
            assertEquals(5, groups.total(), "five genres have tracks");
            assertEquals(3, groups.lastPage());
            assertEquals(2, groups.items().size());
        }
    }

    @Test
    default void simplePaginateKnowsOnlyWhetherMoreFollow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> all = strings(db.query(Track.class).orderBy("name").get(), "name");
            Slice<Track> first = db.query(Track.class).orderBy("name").simplePaginate(5, 1);
            assertEquals(all.subList(0, 5), strings(first.items(), "name"));
            assertEquals(5, first.perPage());
            assertEquals(1, first.currentPage());
            assertTrue(first.hasMorePages());
            Slice<Track> fourth = db.query(Track.class).orderBy("name").simplePaginate(5, 4);
            assertTrue(fourth.hasMorePages());
            Slice<Track> fifth = db.query(Track.class).orderBy("name").simplePaginate(5, 5);
            assertEquals(all.subList(20, 23), strings(fifth.items(), "name"));
            assertFalse(fifth.hasMorePages());
            Slice<Track> exact = db.query(Track.class).where("genre_id", store.genre("Latin")).orderBy("name")
                    .simplePaginate(4, 1);
            assertEquals(4, exact.items().size());
            assertFalse(exact.hasMorePages(), "a full last page is not followed by more");
        }
    }

    @Test
    default void theTableBuilderPagesThePivot() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Page<Map<String, Object>> page = db.table(MusicStore.PIVOT).orderBy("playlist_id").orderBy("position")
                    .paginate(4, 3);
            assertEquals(9, page.total());
            assertEquals(3, page.lastPage());
            assertEquals(1, page.items().size());
            Slice<Map<String, Object>> slice = db.table(MusicStore.PIVOT).where("playlist_id", store.playlist("Favourites"))
                    .orderBy("position").simplePaginate(5, 1);
            assertEquals(5, slice.items().size());
            assertFalse(slice.hasMorePages());
        }
    }
}
