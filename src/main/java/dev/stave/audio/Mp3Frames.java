package dev.stave.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the MPEG audio frames of an MP3 file lie: after its ID3v2 tag, before its ID3v1 tag, and
 * the first frame header at or after a byte position. Enough to cut MP3 files and join them into
 * one stream of plain frames (a radio stream).
 */
public final class Mp3Frames {
  private static final int SCAN_LIMIT = 64 * 1024;

  private Mp3Frames() {}

  /** {@code [start, end)}: the bytes between the file's ID3v2 tag (if any) and ID3v1 tag. */
  public static long[] audioRange(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long start = 0;
      ByteBuffer head = ByteBuffer.allocate(10);
      ch.read(head, 0);
      byte[] h = head.array();
      if (head.position() == 10 && h[0] == 'I' && h[1] == 'D' && h[2] == '3') {
        long tag =
            ((h[6] & 0x7F) << 21) | ((h[7] & 0x7F) << 14) | ((h[8] & 0x7F) << 7) | (h[9] & 0x7F);
        boolean footer = (h[5] & 0x10) != 0;
        start = Math.min(size, 10 + tag + (footer ? 10 : 0));
      }
      long end = size;
      if (size - start >= 128) {
        ByteBuffer tail = ByteBuffer.allocate(3);
        ch.read(tail, size - 128);
        byte[] t = tail.array();
        if (t[0] == 'T' && t[1] == 'A' && t[2] == 'G') {
          end = size - 128;
        }
      }
      return new long[] {start, end};
    }
  }

  /**
   * The position of the first MPEG audio frame header at or after {@code from} and before {@code
   * end} (the header's sync word, version, layer, bitrate and sample rate fields plausible); {@code
   * end} when none is found within 64 KiB.
   */
  public static long nextFrame(Path file, long from, long end) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int len = (int) Math.max(0, Math.min(SCAN_LIMIT, end - from));
      ByteBuffer buf = ByteBuffer.allocate(len);
      while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
        // read until full or end of file
      }
      byte[] b = buf.array();
      for (int i = 0; i + 3 < buf.position(); i++) {
        if (isHeader(b[i], b[i + 1], b[i + 2])) {
          return from + i;
        }
      }
      return end;
    }
  }

  static boolean isHeader(byte b0, byte b1, byte b2) {
    if ((b0 & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
      return false;
    }
    int version = (b1 >> 3) & 0x3;
    int layer = (b1 >> 1) & 0x3;
    int bitrate = (b2 >> 4) & 0xF;
    int rate = (b2 >> 2) & 0x3;
    return version != 1 && layer != 0 && bitrate != 0 && bitrate != 0xF && rate != 3;
  }
}
