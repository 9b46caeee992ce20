package io.legwatch.sim.protocol.okx;

import io.legwatch.domain.VenueError;
import io.legwatch.sim.SimErrorCodes;

/** Maps the simulator's rejection codes onto OKX v5 per-order {@code sCode}s and messages. */
final class OkxSimErrors {
    record Code(String sCode, String sMsg) {
    }

    private OkxSimErrors() {
    }

    static Code of(VenueError e) {
        String code = e.code() == null ? "" : e.code();
        return switch (code) {
            case SimErrorCodes.DUPLICATE_CLIENT_ID -> new Code("51016", "Duplicated clOrdId");
            case SimErrorCodes.REDUCE_ONLY -> new Code("51169",
                    "Order failed because you don't have any positions in this direction for this contract to reduce or close.");
            case SimErrorCodes.INVALID_QUANTITY -> new Code("51121", "Order quantity must be a multiple of the lot size.");
            case SimErrorCodes.UNKNOWN_INSTRUMENT -> new Code("51001", "Instrument ID doesn't exist.");
            case SimErrorCodes.INJECTED -> new Code("51008", "Order failed. Insufficient USDT margin in account");
            default -> code.matches("\\d{1,9}") ? new Code(code, e.message()) : new Code("51000", e.message());
        };
    }
}
