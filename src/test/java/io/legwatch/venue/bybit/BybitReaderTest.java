package io.legwatch.venue.bybit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's handling of arrays shared by items ({@code result.list}) and per-item errors ({@code retExtInfo.list}). */
class BybitReaderTest {
    @Test
    void perItemErrorsAreReadLikeItems() throws Exception {
        BybitMessage m = BybitReader.read("{\"retCode\":0,\"result\":{\"list\":[{\"orderId\":\"o1\"},"
                + "{\"orderId\":\"o2\"}]},\"retExtInfo\":{\"list\":[{\"code\":0,\"msg\":\"OK\"},"
                + "{\"code\":110001,\"msg\":\"order not exists\"}]},\"time\":7}");

        assertThat(m.rows).extracting(r -> r.orderId).containsExactly("o1", "o2");
        assertThat(m.itemErrors).extracting(r -> r.code).containsExactly(0, 110001);
        assertThat(m.itemErrors).extracting(r -> r.msg).containsExactly("OK", "order not exists");
        assertThat(m.timeMs).isEqualTo(7);
    }

    @Test
    void aNonObjectInEitherListIsSkippedAndTheRestStillRead() throws Exception {
        BybitMessage m = BybitReader.read("{\"result\":{\"list\":[null,{\"orderId\":\"o1\"},3]},"
                + "\"retExtInfo\":{\"list\":[null,{\"code\":110001,\"msg\":\"order not exists\"},\"x\"]},"
                + "\"retCode\":0,\"time\":7}");

        assertThat(m.rows).extracting(r -> r.orderId).containsExactly("o1");
        assertThat(m.itemErrors).extracting(r -> r.code).containsExactly(110001);
        assertThat(m.retCode).isZero();
        assertThat(m.timeMs).isEqualTo(7);
    }
}
