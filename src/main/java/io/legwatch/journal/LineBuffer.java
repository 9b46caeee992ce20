package io.legwatch.journal;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A reusable, growable byte buffer that a journal line is built in: the JSON generator writes the
 * record's body into one, and the line (header, body, newline) is assembled in another and handed
 * to the file channel without a copy. One per writing thread; not thread-safe.
 */
final class LineBuffer extends OutputStream {
    private byte[] bytes = new byte[512];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    /** The content as a buffer over this one's array: valid until the next write or reset. */
    ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    LineBuffer bytes(byte[] b) {
        write(b, 0, b.length);
        return this;
    }

    /** Appends a string known to be ASCII (field names, ISO timestamps) one byte per char. */
    LineBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends a long in decimal without making a String of it. */
    LineBuffer number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) { // digits came out least significant first
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
