package it.expertfeedback.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Random initial passwords (120 bits), shown once to the administrator who created or reset the account. */
final class OneTimePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    static String generate() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
