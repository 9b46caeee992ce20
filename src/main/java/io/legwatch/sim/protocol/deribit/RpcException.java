package io.legwatch.sim.protocol.deribit;

/** A Deribit JSON-RPC error answer: {@code {"error":{"code","message"}}}. */
final class RpcException extends Exception {
    final int code;

    RpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static RpcException unauthorized() {
        return new RpcException(13009, "unauthorized");
    }

    static RpcException invalidParams(String what) {
        return new RpcException(-32602, "Invalid params: " + what);
    }
}
