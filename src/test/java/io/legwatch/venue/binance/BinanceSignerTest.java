package io.legwatch.venue.binance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked HMAC examples of the Binance USD-M "general info" page (samples/binance/signing.md). */
class BinanceSignerTest {
    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    private static final String PARAMS = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=1591702613943";
    private final BinanceSigner signer = new BinanceSigner(SECRET);

    @Test
    void example1QueryString() {
        assertThat(signer.sign(PARAMS)).isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void example2RequestBodyIsTheSameString() {
        assertThat(signer.sign("", PARAMS)).isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void example3MixedAsPrintedInTheDocsWithTheirStraySpace() {
        assertThat(signer.sign("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=9000&recvWindow=5000&timestamp= 1591702613943"))
                .isEqualTo("f9d0ae5e813ef6ccf15c2b5a434047a0181cb5a342b903b367ca6d27a66e36f2");
    }

    @Test
    void example3MixedWithoutTheSpaceAsTheCurlSendsIt() {
        // Not documented: computed with openssl in signing.md for the string the docs' curl really sends.
        assertThat(signer.sign("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"))
                .isEqualTo("30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4");
    }

    @Test
    void verifyIgnoresCaseAndRejectsOtherSignatures() {
        assertThat(signer.verify(PARAMS, "3C661234138461FCC7A7D8746C6558C9842D4E10870D2ECBEDF7777CAD694AF9")).isTrue();
        assertThat(signer.verify(PARAMS + "&x=1", "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9"))
                .isFalse();
        assertThat(signer.verify(PARAMS, null)).isFalse();
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(signer.toString()).doesNotContain(SECRET);
    }
}
