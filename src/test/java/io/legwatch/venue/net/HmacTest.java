package io.legwatch.venue.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTest {
    @Test
    void rfc4231TestCase2() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
        assertThat(Hmac.sha256Hex("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void binanceDocumentedQueryStringExample() {
        // /work/shared/venues/samples/binance/signing.md, example 1 (documented signature)
        String secret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
        String totalParams = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
                + "&recvWindow=5000&timestamp=1591702613943";
        assertThat(Credentials.of("key", secret).hmacSha256Hex(totalParams))
                .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void base64EncodingOfOkxRule() {
        // Self-computed vector from /work/shared/venues/samples/okx/signing.md (not from OKX docs).
        assertThat(Hmac.sha256Base64("22582BD0CFF14C41EDBF1AB98506286D",
                "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC"))
                .isEqualTo("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=");
    }
}
