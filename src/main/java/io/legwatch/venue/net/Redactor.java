package io.legwatch.venue.net;

import java.util.regex.Pattern;

/**
 * Makes a raw venue message safe to log or show: masks the values of fields that carry secrets or
 * tokens, and truncates. Used whenever a malformed or unexpected message is reported, because such a
 * message may be an auth answer carrying an access token.
 */
public final class Redactor {
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(\"(?:client_secret|secret|secretKey|access_token|refresh_token|signature|sign|passphrase|"
                    + "apiKey|api_key|listenKey|token)\"\\s*:\\s*)\"[^\"]*\"",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_CHARS = 300;

    private Redactor() {
    }

    public static String redact(String raw) {
        if (raw == null) {
            return "";
        }
        String masked = SECRET_FIELDS.matcher(raw).replaceAll("$1\"****\"");
        return masked.length() <= MAX_CHARS ? masked : masked.substring(0, MAX_CHARS) + "...(" + masked.length() + " chars)";
    }
}
