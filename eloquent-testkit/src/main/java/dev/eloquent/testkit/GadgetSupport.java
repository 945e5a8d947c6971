package dev.eloquent.testkit;

import dev.eloquent.api.Env;
import dev.eloquent.orm.Eloquent;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** What the cast and serialization kits share: an instance with {@link KitGadget} and {@link KitPart} and an {@code APP_KEY}. */
public interface GadgetSupport extends KitSupport {
    String GADGETS = "kit_gadgets";
    String PARTS = "kit_parts";
    /** Test keys only: base64 of 32 bytes each. */
    String KEY = "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    String OTHER_KEY = "base64:HxwdHhscGRoXGBUWExQREg8QDQ4LDAkKBwgFBgMEAQI=";

    /** The target's environment with {@code APP_KEY} set to {@code key}. */
    default Env envWithKey(String key) {
        Env base = target().env();
        return new Env() {
            @Override
            public Optional<String> get(String name) {
                return name.equals("APP_KEY") ? Optional.of(key) : base.get(name);
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new HashSet<>(base.keys());
                keys.add("APP_KEY");
                return keys;
            }
        };
    }

    /** Boots with the gadget models under {@code key}; {@code fresh} drops and creates their tables. */
    default Eloquent bootGadgets(Clock clock, String key, boolean fresh) {
        Eloquent db = Eloquent.builder().env(envWithKey(key)).testMode().preventLazyLoading(true).clock(clock)
                .preventSilentlyDiscardingAttributes(true)
                .register(KitGadget.class, KitGadget::new).register(KitPart.class, KitPart::new).boot();
        if (fresh) {
            try {
                db.dropTables(KitPart.class, KitGadget.class);
                db.createTables(KitGadget.class, KitPart.class);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }
}
