package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

/**
 * {@code fill}/{@code create} was given attributes the model does not allow to be mass assigned, while the
 * application asked for that to fail ({@link Eloquent.Builder#preventSilentlyDiscardingAttributes}). The
 * message names the model and the attributes, never their values.
 */
public class MassAssignmentException extends EloquentException {
    public MassAssignmentException(String message) {
        super(message);
    }
}
