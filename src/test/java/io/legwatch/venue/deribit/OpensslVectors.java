package io.legwatch.venue.deribit;

/**
 * Signatures computed outside Java with OpenSSL 3 (self-made, not from the Deribit docs), secret
 * {@code W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS} (the docs' example client secret):
 * <pre>
 * printf '%s' $'1576074319000\n1iqt2wls\n' | openssl dgst -sha256 -hmac "$S"
 * printf '%s' $'1576074319000\n1iqt2wls\nGET\n/api/v2/private/get_positions?currency=BTC&amp;kind=future\n\n' | openssl dgst -sha256 -hmac "$S"
 * </pre>
 */
final class OpensslVectors {
    static final String WS_EMPTY_DATA = "2fe846c73df8e9223e3644ec2c0b093474dfe5cd4b4a32c41689d7e04ff0ab15";
    static final String REST_GET_POSITIONS = "0433f1cc28ee59d8bcee5a1e6a6506a4f872d8ad8338aff30c987b12d793480f";

    private OpensslVectors() {
    }
}
