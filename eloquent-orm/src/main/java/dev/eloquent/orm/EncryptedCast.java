package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.Values;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@link Casts#encrypted()}: AES-GCM with a random 12-byte nonce per write, stored as base64 of nonce and
 * ciphertext (with its tag). The tag makes a wrong key or an altered value fail instead of reading garbage.
 * The key and the values never appear in a message or a toString.
 */
final class EncryptedCast implements Cast<String> {
    static final String KEY_VARIABLE = "APP_KEY";
    /** What {@link Casts#encrypted()} declares; {@link #bind} gives it the key when the model registers. */
    static final EncryptedCast UNKEYED = new EncryptedCast(null);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private EncryptedCast(SecretKeySpec key) {
        this.key = key;
    }

    /** The cast keyed from the environment; fails, naming the variable but not its value, when it is missing or malformed. */
    static EncryptedCast bind(Env env, String where) {
        String text = env.get(KEY_VARIABLE).orElseThrow(() -> new EloquentException(where + " is cast as encrypted"
                + " but " + KEY_VARIABLE + " is not set: set it to base64 of a random 32-byte key (base64:...)"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.startsWith("base64:") ? text.substring(7) : text);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new EloquentException(where + " is cast as encrypted but " + KEY_VARIABLE
                    + " is not base64 of a 16, 24 or 32-byte key");
        }
        return new EncryptedCast(new SecretKeySpec(bytes, "AES"));
    }

    @Override
    public String get(Object stored) {
        requireKey();
        try {
            byte[] all = Base64.getDecoder().decode(Values.toText(stored));
            if (all.length <= NONCE_BYTES) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EloquentException("cannot decrypt: the stored value was not encrypted with this "
                    + KEY_VARIABLE + " (a wrong or rotated key) or is not an encrypted value");
        }
    }

    @Override
    public Object set(String value) {
        requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(Values.toText(value).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new EloquentException("cannot encrypt: " + e.getClass().getSimpleName());
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new EloquentException("an encrypted cast is used outside a registered model (it has no key)");
        }
    }

    @Override
    public String toString() {
        return "encrypted";
    }
}
