package dev.stave.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One ffmpeg run making a rendition, readable while it grows. Why: a 10-minute track takes seconds
 * to transcode, and a listener should hear it at once, not after the whole file is made; and a
 * second listener of the same track should follow the same run, not start another ffmpeg.
 *
 * <p>ffmpeg writes to a pipe; {@link #sink()} appends its bytes to a {@code .part} file in the
 * cache folder and wakes the readers. Every reader reads that file from the start through one
 * shared channel (positional reads, so readers do not disturb each other), then waits for more
 * until the run ends. The channel stays open while a reader uses it, so the file can be renamed to
 * its cached name (or deleted on failure) under a reader. {@link Renditions} owns the life cycle:
 * it starts the run, renames the file when ffmpeg exited 0, and calls {@link #succeeded()} or
 * {@link #failed}.
 */
public final class TranscodeRun {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Path part;
  // Guarded by lock.
  private FileChannel channel;
  private FileChannel writer;
  private long written;
  private boolean started;
  private boolean ended;
  private RuntimeException failure;
  private int readers;

  TranscodeRun(Path part) {
    this.part = part;
  }

  /** The file being written (renamed when the run succeeds, deleted when it fails). */
  Path part() {
    return part;
  }

  /** Creates the {@code .part} file and lets readers in: ffmpeg may start. */
  void open() throws IOException {
    lock.lock();
    try {
      writer = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      channel = FileChannel.open(part, StandardOpenOption.READ);
      started = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Where ffmpeg's output goes: appended to the file, readers woken after every write. */
  OutputStream sink() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          writer.write(buf);
        }
        lock.lock();
        try {
          written += len;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    };
  }

  /** ffmpeg exited: closes the writing side (the file is complete if it exited 0). */
  void closeWriter() throws IOException {
    writer.close();
  }

  /** The rendition is complete and cached under its own name. */
  void succeeded() {
    end(null);
  }

  /**
   * The run failed or could not start ({@code why} is what readers and joiners get): the partial
   * file is deleted, so it never becomes a cached rendition.
   */
  void failed(RuntimeException why) {
    try {
      if (writer != null) {
        writer.close();
      }
      Files.deleteIfExists(part);
    } catch (IOException e) {
      why.addSuppressed(e);
    }
    end(why);
  }

  /** Ended before it started, because the rendition turned out to be cached already. */
  void notNeeded() {
    end(null);
  }

  private void end(RuntimeException why) {
    lock.lock();
    try {
      ended = true;
      failure = why;
      closeChannelIfUnused();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void closeChannelIfUnused() {
    if (ended && readers == 0 && channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // A read-only channel: nothing was lost.
      }
      channel = null;
    }
  }

  /**
   * A reader of this run from its first byte, once ffmpeg has started; null when the run ended
   * without a file to read (then the rendition is in the cache, or is to be made again).
   *
   * @throws TranscodeBusyException when the request that started the run found no free slot
   * @throws AudioException when the run failed
   */
  Reader attach() {
    lock.lock();
    try {
      while (!started && !ended) {
        changed.awaitUninterruptibly();
      }
      if (failure != null) {
        throw failure;
      }
      if (channel == null) {
        return null;
      }
      readers++;
      return new Reader();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A rendition being made, read from the start: what a response streams while ffmpeg runs. Close
   * it when done; the run goes on whether or not anyone reads it.
   */
  public final class Reader implements Renditions.Opened {
    private boolean closed;

    private Reader() {}

    /**
     * Waits until the run has written more than {@code position} bytes or has ended, and returns
     * how many bytes exist then.
     *
     * @throws AudioException when the run failed (the bytes read so far are not the rendition)
     */
    public Progress awaitBeyond(long position) {
      lock.lock();
      try {
        while (written <= position && !ended) {
          changed.awaitUninterruptibly();
        }
        if (failure != null) {
          throw new AudioException("the transcode failed: " + failure.getMessage(), failure);
        }
        return new Progress(written, ended);
      } finally {
        lock.unlock();
      }
    }

    /**
     * Waits until the run has ended.
     *
     * @throws AudioException when it failed
     */
    public void awaitEnd() {
      lock.lock();
      try {
        while (!ended) {
          changed.awaitUninterruptibly();
        }
        if (failure != null) {
          throw new AudioException("the transcode failed: " + failure.getMessage(), failure);
        }
      } finally {
        lock.unlock();
      }
    }

    /**
     * Copies bytes {@code from} (inclusive) to {@code to} (exclusive; -1: to the end of the run) to
     * {@code out} as they are written, flushing after each batch so the client gets them at once.
     *
     * @throws AudioException when the run fails meanwhile
     */
    public void copy(long from, long to, OutputStream out) throws IOException {
      byte[] bytes = new byte[64 * 1024];
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long pos = from;
      while (to < 0 || pos < to) {
        Progress p = awaitBeyond(pos);
        long end = to < 0 ? p.written() : Math.min(to, p.written());
        if (pos >= end) {
          if (p.ended()) {
            return;
          }
          continue;
        }
        while (pos < end) {
          buf.clear().limit((int) Math.min(bytes.length, end - pos));
          int n = read(buf, pos);
          out.write(bytes, 0, n);
          pos += n;
        }
        out.flush();
      }
    }

    private int read(ByteBuffer buf, long position) throws IOException {
      FileChannel ch;
      lock.lock();
      try {
        ch = channel;
      } finally {
        lock.unlock();
      }
      int n = ch.read(buf, position);
      if (n <= 0) {
        throw new UncheckedIOException(new IOException("the transcode file ended early"));
      }
      return n;
    }

    @Override
    public void close() {
      lock.lock();
      try {
        if (!closed) {
          closed = true;
          readers--;
          closeChannelIfUnused();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** How many bytes the run has written, and whether that is all. */
  public record Progress(long written, boolean ended) {}
}
