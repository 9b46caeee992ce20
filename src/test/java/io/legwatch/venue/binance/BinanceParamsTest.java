package io.legwatch.venue.binance;

import io.legwatch.venue.net.Credentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked HMAC examples of the Binance USD-M "general info" page (samples/binance/signing.md). */
class BinanceParamsTest {
    private static final String KEY = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    private static final String DOC_SIGNATURE = "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9";
    private final Credentials credentials = Credentials.of(KEY, SECRET);

    private static BinanceParams docParams() {
        return BinanceParams.of().add("symbol", "BTCUSDT").add("side", "BUY").add("type", "LIMIT")
                .add("quantity", "1").add("price", "9000").add("timeInForce", "GTC");
    }

    @Test
    void example1QueryStringBuiltByTheConnector() {
        assertThat(docParams().signed(credentials, 5000, 1591702613943L)).isEqualTo(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000"
                        + "&timestamp=1591702613943&signature=" + DOC_SIGNATURE);
    }

    @Test
    void example2RequestBody() {
        String body = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000"
                + "&timestamp=1591702613943";
        assertThat(BinanceParams.signature(credentials, "", body)).isEqualTo(DOC_SIGNATURE);
    }

    @Test
    void example3MixedAsPrintedInTheDocsWithTheirStraySpace() {
        assertThat(BinanceParams.signature(credentials, "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=9000&recvWindow=5000&timestamp= 1591702613943"))
                .isEqualTo("f9d0ae5e813ef6ccf15c2b5a434047a0181cb5a342b903b367ca6d27a66e36f2");
    }

    @Test
    void example3MixedWithoutTheSpaceAsTheCurlSendsIt() {
        // Not documented: computed with openssl in signing.md for the string the docs' curl really sends.
        assertThat(BinanceParams.signature(credentials, "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"))
                .isEqualTo("30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4");
    }

    @Test
    void clientOrderIdsAreEncodedBeforeSigning() {
        assertThat(BinanceParams.of().add("newClientOrderId", "lw:f1/2").encode())
                .isEqualTo("newClientOrderId=lw%3Af1%2F2");
    }
}
