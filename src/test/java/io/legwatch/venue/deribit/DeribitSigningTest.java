package io.legwatch.venue.deribit;

import io.legwatch.venue.net.Credentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deribit docs have no v2 worked signature example (samples/deribit/signing.md), so these vectors are
 * SELF-COMPUTED from the documented rule with openssl:
 * {@code printf '%s' "$STRING" | openssl dgst -sha256 -hmac "$SECRET"}.
 */
class DeribitSigningTest {
    private static final Credentials CREDS = Credentials.of("fo7WAPRm4P", "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS");

    @Test
    void clientSignatureStringAndHmac() {
        assertThat(DeribitSigning.stringToSign(1576074319000L, "1iqt2wls", "")).isEqualTo("1576074319000\n1iqt2wls\n");
        assertThat(DeribitSigning.clientSignature(CREDS, 1576074319000L, "1iqt2wls", ""))
                .isEqualTo(OpensslVectors.WS_EMPTY_DATA);
    }

    @Test
    void restAuthorizationHeader() {
        String data = DeribitSigning.restData("get", "/api/v2/private/get_positions?currency=BTC&kind=future", "");
        assertThat(data).isEqualTo("GET\n/api/v2/private/get_positions?currency=BTC&kind=future\n\n");
        assertThat(DeribitSigning.restAuthorization(CREDS, 1576074319000L, "1iqt2wls", "GET",
                "/api/v2/private/get_positions?currency=BTC&kind=future", ""))
                .isEqualTo("deri-hmac-sha256 id=fo7WAPRm4P,ts=1576074319000,sig=" + OpensslVectors.REST_GET_POSITIONS
                        + ",nonce=1iqt2wls");
    }
}
