package dev.stave.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and trims the {@code DT_NEEDED} list of a 64-bit little-endian ELF shared library, in
 * place, the way {@code patchelf --remove-needed} does.
 *
 * <p>Why: the ffmpeg build in {@code org.bytedeco:ffmpeg} links its capture-device library ({@code
 * libavdevice}) against PulseAudio, ALSA and XCB, which a headless server usually lacks; the
 * dynamic loader then refuses to start {@code ffmpeg} at all, though converting files never touches
 * a device. Those functions are bound lazily (PLT only), so dropping the dependency (and its symbol
 * version requirement) leaves a working executable whose capture devices fail if ever used.
 */
final class ElfNeeded {
  private static final int PT_LOAD = 1;
  private static final int PT_DYNAMIC = 2;
  private static final long DT_NULL = 0;
  private static final long DT_NEEDED = 1;
  private static final long DT_STRTAB = 5;
  private static final long DT_VERNEED = 0x6ffffffeL;
  private static final long DT_VERNEEDNUM = 0x6fffffffL;

  private final ByteBuffer elf;
  private final List<long[]> loads = new ArrayList<>(); // {vaddr, offset, filesz}
  private final long dynOffset;
  private final int dynCount;

  private ElfNeeded(byte[] bytes) {
    elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 64
        || elf.getInt(0) != 0x464c457f
        || elf.get(4) != 2 // ELFCLASS64
        || elf.get(5) != 1) { // little endian
      throw new IllegalArgumentException("not a 64-bit little-endian ELF file");
    }
    long phoff = elf.getLong(0x20);
    int phentsize = Short.toUnsignedInt(elf.getShort(0x36));
    int phnum = Short.toUnsignedInt(elf.getShort(0x38));
    long dynOff = -1;
    int dynN = 0;
    for (int i = 0; i < phnum; i++) {
      int ph = (int) (phoff + (long) i * phentsize);
      int type = elf.getInt(ph);
      long offset = elf.getLong(ph + 8);
      long vaddr = elf.getLong(ph + 16);
      long filesz = elf.getLong(ph + 32);
      if (type == PT_LOAD) {
        loads.add(new long[] {vaddr, offset, filesz});
      } else if (type == PT_DYNAMIC) {
        dynOff = offset;
        dynN = (int) (filesz / 16);
      }
    }
    if (dynOff < 0) {
      throw new IllegalArgumentException("no dynamic section");
    }
    dynOffset = dynOff;
    dynCount = dynN;
  }

  /** The libraries {@code file} names as needed, in order. */
  static List<String> needed(Path file) throws IOException {
    ElfNeeded e = new ElfNeeded(Files.readAllBytes(file));
    List<String> out = new ArrayList<>();
    long strtab = e.fileOffset(e.dynValue(DT_STRTAB));
    for (int i = 0; i < e.dynCount; i++) {
      long tag = e.tag(i);
      if (tag == DT_NULL) {
        break;
      }
      if (tag == DT_NEEDED) {
        out.add(e.string(strtab + e.value(i)));
      }
    }
    return out;
  }

  /**
   * Removes the given libraries from {@code file}'s needed list and their version requirements.
   * Returns the libraries actually removed.
   */
  static List<String> removeNeeded(Path file, Set<String> libraries) throws IOException {
    ElfNeeded e = new ElfNeeded(Files.readAllBytes(file));
    List<String> removed = e.remove(libraries);
    if (!removed.isEmpty()) {
      Files.write(file, e.elf.array());
    }
    return removed;
  }

  private List<String> remove(Set<String> libraries) {
    long strtab = fileOffset(dynValue(DT_STRTAB));
    List<String> removed = new ArrayList<>();
    List<long[]> kept = new ArrayList<>();
    for (int i = 0; i < dynCount; i++) {
      long tag = tag(i);
      if (tag == DT_NULL) {
        break;
      }
      if (tag == DT_NEEDED && libraries.contains(string(strtab + value(i)))) {
        removed.add(string(strtab + value(i)));
      } else {
        kept.add(new long[] {tag, value(i)});
      }
    }
    if (removed.isEmpty()) {
      return removed;
    }
    for (int i = 0; i < dynCount; i++) {
      long[] entry = i < kept.size() ? kept.get(i) : new long[] {DT_NULL, 0};
      elf.putLong((int) (dynOffset + i * 16L), entry[0]);
      elf.putLong((int) (dynOffset + i * 16L + 8), entry[1]);
    }
    dropVersionNeeds(strtab, Set.copyOf(removed));
    return removed;
  }

  /** Unlinks the {@code Elf64_Verneed} entries of the removed files from the version-needs list. */
  private void dropVersionNeeds(long strtab, Set<String> files) {
    int numIndex = dynIndex(DT_VERNEEDNUM);
    int addrIndex = dynIndex(DT_VERNEED);
    if (numIndex < 0 || addrIndex < 0) {
      return;
    }
    long count = value(numIndex);
    long first = fileOffset(value(addrIndex));
    long previous = -1;
    long at = first;
    long kept = 0;
    for (long n = 0; n < count; n++) {
      int next = elf.getInt((int) (at + 12));
      String file = string(strtab + Integer.toUnsignedLong(elf.getInt((int) (at + 4))));
      if (files.contains(file)) {
        if (previous < 0) {
          // The first entry goes: the list starts at the next one.
          setValue(addrIndex, value(addrIndex) + next);
        } else {
          int prevNext = elf.getInt((int) (previous + 12));
          elf.putInt((int) (previous + 12), next == 0 ? 0 : prevNext + next);
        }
      } else {
        previous = at;
        kept++;
      }
      if (next == 0) {
        break;
      }
      at += next;
    }
    setValue(numIndex, kept);
  }

  private long tag(int i) {
    return elf.getLong((int) (dynOffset + i * 16L));
  }

  private long value(int i) {
    return elf.getLong((int) (dynOffset + i * 16L + 8));
  }

  private void setValue(int i, long v) {
    elf.putLong((int) (dynOffset + i * 16L + 8), v);
  }

  private int dynIndex(long wanted) {
    for (int i = 0; i < dynCount; i++) {
      long tag = tag(i);
      if (tag == wanted) {
        return i;
      }
      if (tag == DT_NULL) {
        break;
      }
    }
    return -1;
  }

  private long dynValue(long wanted) {
    int i = dynIndex(wanted);
    if (i < 0) {
      throw new IllegalArgumentException("no dynamic entry " + wanted);
    }
    return value(i);
  }

  private long fileOffset(long vaddr) {
    for (long[] load : loads) {
      if (vaddr >= load[0] && vaddr < load[0] + load[2]) {
        return vaddr - load[0] + load[1];
      }
    }
    throw new IllegalArgumentException("address not in a loaded segment: " + vaddr);
  }

  private String string(long offset) {
    int start = (int) offset;
    int end = start;
    while (elf.get(end) != 0) {
      end++;
    }
    return new String(elf.array(), start, end - start, StandardCharsets.US_ASCII);
  }
}
