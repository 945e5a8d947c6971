package dev.eloquent.driver.mongo;

/**
 * Removes the user information of a connection string from a text the MongoDB driver produced, before
 * that text reaches one of our messages: the driver's parse errors may quote parts of the URI.
 */
final class Redaction {
    private Redaction() {
    }

    static String scrub(String message, String uri) {
        if (message == null) {
            return "(no details)";
        }
        String scrubbed = message;
        int scheme = uri.indexOf("://");
        int at = uri.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            String userInfo = uri.substring(scheme + 3, at);
            scrubbed = scrubbed.replace(userInfo, "******");
            for (String part : userInfo.split(":", 2)) {
                if (!part.isEmpty()) {
                    scrubbed = scrubbed.replace(part, "******");
                    // The driver reports the percent-decoded form too.
                    scrubbed = scrubbed.replace(decode(part), "******");
                }
            }
        }
        return scrubbed;
    }

    private static String decode(String part) {
        try {
            return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part; // not valid percent-encoding: the raw form above already covers it
        }
    }
}
