package io.legwatch.sim.protocol.bybit;

import io.legwatch.domain.VenueError;
import io.legwatch.sim.SimErrorCodes;

/** Maps the simulator's rejection codes onto Bybit v5 retCodes and messages. */
final class BybitSimErrors {
    record Code(int retCode, String retMsg) {
    }

    private BybitSimErrors() {
    }

    static Code of(VenueError e) {
        String code = e.code() == null ? "" : e.code();
        return switch (code) {
            case SimErrorCodes.DUPLICATE_CLIENT_ID -> new Code(110072, "OrderLinkedID is duplicate");
            case SimErrorCodes.REDUCE_ONLY -> new Code(110017, "orderQty will be truncated to zero");
            case SimErrorCodes.INVALID_QUANTITY -> new Code(10001, "Qty invalid: " + e.message());
            case SimErrorCodes.UNKNOWN_INSTRUMENT -> new Code(10001, "params error: symbol invalid");
            case SimErrorCodes.INJECTED -> new Code(110007, "Available balance is insufficient");
            default -> code.matches("\\d{1,9}") ? new Code(Integer.parseInt(code), e.message())
                    : new Code(10001, e.message());
        };
    }
}
