package dev.eloquent.orm;

import java.util.Locale;

/**
 * The names Eloquent derives from a model class's simple name, in one place for the ORM and the
 * generators: the default table ({@code BlogPost} → {@code blog_posts}) and the snake form that foreign
 * keys are made of ({@code BlogPost} → {@code blog_post}, so {@code blog_post_id}).
 */
public final class ModelNames {
    private ModelNames() {
    }

    /** {@code BlogPost} becomes {@code blog_posts}, {@code Category} {@code categories}, {@code Box} {@code boxes}. */
    public static String table(String className) {
        String snake = snake(className);
        if (snake.endsWith("y") && snake.length() > 1 && "aeiou".indexOf(snake.charAt(snake.length() - 2)) < 0) {
            return snake.substring(0, snake.length() - 1) + "ies";
        }
        if (snake.endsWith("s") || snake.endsWith("x") || snake.endsWith("ch") || snake.endsWith("sh")) {
            return snake + "es";
        }
        return snake + "s";
    }

    /** {@code BlogPost} becomes {@code blog_post}. */
    public static String snake(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
