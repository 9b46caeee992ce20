package io.legwatch.venue.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {
    @Test
    void toStringNeverShowsSecretOrPassphraseAndOnlyAKeyPrefix() {
        Credentials c = Credentials.of("fo7WAPRm4P", "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS", "pass-phrase-9");
        assertThat(c.toString())
                .doesNotContain("W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS")
                .doesNotContain("pass-phrase-9")
                .doesNotContain("fo7WAPRm4P")
                .contains("fo7W****");
        assertThat(c.passphrase()).contains("pass-phrase-9");
    }

    @Test
    void blankPartsAreRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> Credentials.of("key", " ")).hasMessage("API secret must not be blank");
        assertThatThrownBy(() -> Credentials.of("", "s")).hasMessage("API key must not be blank");
    }
}
