package io.legwatch.config;

/**
 * Where a venue account's secrets live: the NAMES of environment variables, never the values.
 *
 * @param apiKeyEnv     variable holding the API key (or Deribit client id)
 * @param apiSecretEnv  variable holding the API secret (or Deribit client secret)
 * @param passphraseEnv variable holding the passphrase (OKX), else null
 */
public record CredentialRefs(String apiKeyEnv, String apiSecretEnv, String passphraseEnv) {
}
