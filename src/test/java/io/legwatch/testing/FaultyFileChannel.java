package io.legwatch.testing;

import io.legwatch.journal.Journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real file channel with hooks, so a test can make the disk fail part-way through a write or an
 * fsync, or hold an fsync until the test lets it go. Counts forces and remembers how far into the
 * file each completed force reached.
 */
public class FaultyFileChannel extends FileChannel {
    /** Runs before the delegate does the operation; may throw to fail it. */
    public interface Hook {
        void run(FaultyFileChannel ch) throws IOException;
    }

    public final Path file;
    private final FileChannel delegate;
    public final AtomicInteger forces = new AtomicInteger();
    /** The file size when the last successful force started: everything before it is on disk. */
    public volatile long forcedUpTo = -1;
    /** Called on each write; a hook that throws fails the write. */
    public volatile Hook beforeWrite = ch -> { };
    public volatile Hook beforeForce = ch -> { };
    public volatile Hook afterForce = ch -> { };
    public volatile Hook beforeTruncate = ch -> { };
    /** When > 0: the next write puts only this many bytes on disk and then fails (disk full). */
    public volatile int failNextWriteAfter = -1;

    public FaultyFileChannel(Path file) throws IOException {
        this.file = file;
        this.delegate = Journal.FILES.open(file);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        beforeWrite.run(this);
        int partial = failNextWriteAfter;
        if (partial >= 0) {
            failNextWriteAfter = -1;
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + Math.min(partial, part.remaining()));
            int n = delegate.write(part);
            src.position(src.position() + n);
            throw new IOException("No space left on device");
        }
        return delegate.write(src);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        beforeForce.run(this);
        long size = delegate.size();
        delegate.force(metaData);
        forcedUpTo = size;
        forces.incrementAndGet();
        afterForce.run(this);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        beforeTruncate.run(this);
        delegate.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("the journal writes one buffer at a time");
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        throw new UnsupportedOperationException("the journal appends");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
