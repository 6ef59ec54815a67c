package dev.stave.audio;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;

/**
 * Finds ffmpeg and ffprobe: configured paths first, then the ones on {@code PATH}, else the
 * executables {@code org.bytedeco:ffmpeg} ships in its platform jar, extracted once into a per-user
 * cache directory (they are ~100 MB; every data directory sharing them costs nothing).
 */
final class FfmpegLocator {
  /** Where the executables came from, for the operator. */
  record Executables(Path ffmpeg, Path ffprobe, String origin) {}

  private static final Set<String> SYSTEM_LIBRARIES =
      Set.of("libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1");

  private FfmpegLocator() {}

  static Executables locate(Path configuredFfmpeg, Path configuredFfprobe, Path cacheRoot) {
    if (configuredFfmpeg != null || configuredFfprobe != null) {
      if (configuredFfmpeg == null || configuredFfprobe == null) {
        throw new AudioException("set both stave.audio.ffmpeg and stave.audio.ffprobe, or neither");
      }
      return new Executables(configuredFfmpeg, configuredFfprobe, "configured");
    }
    Optional<Path> ffmpeg = onPath("ffmpeg");
    Optional<Path> ffprobe = onPath("ffprobe");
    if (ffmpeg.isPresent() && ffprobe.isPresent()) {
      return new Executables(ffmpeg.get(), ffprobe.get(), "PATH");
    }
    try {
      return bundled(cacheRoot)
          .orElseThrow(
              () ->
                  new AudioException(
                      "no ffmpeg: none on PATH and no org.bytedeco:ffmpeg build for "
                          + Loader.getPlatform()
                          + " on the class path; install ffmpeg or set stave.audio.ffmpeg"));
    } catch (IOException e) {
      throw new AudioException("cannot extract the bundled ffmpeg: " + e.getMessage(), e);
    }
  }

  /**
   * The executables for short runs (ffprobe, decoding a few seconds): the bundled build when {@code
   * located} came from {@code PATH} and a bundled build exists for this platform, else {@code
   * located}. Why: a distribution's ffmpeg links about a hundred shared libraries and spends ~45 ms
   * of CPU starting (relocations), the bundled build starts in under 10 ms; for a run that decodes
   * 30 s that is most of its cost. The bundled build decodes about half as fast (no assembly
   * optimisations), so whole-track decodes keep the located build. Measured in docs/performance.md,
   * "A whole library in an hour?".
   */
  static Executables forShortRuns(Executables located, Path cacheRoot) {
    if (!"PATH".equals(located.origin())) {
      return located; // configured by the operator, or already the bundled build
    }
    try {
      return bundled(cacheRoot).orElse(located);
    } catch (IOException | UncheckedIOException e) {
      return located; // cannot extract it (read-only cache, full disk): the located one works
    }
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, windows ? name + ".exe" : name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The per-user cache: {@code $XDG_CACHE_HOME/stave} or {@code ~/.cache/stave}. */
  static Path defaultCacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("stave");
  }

  private static Optional<Executables> bundled(Path cacheRoot) throws IOException {
    String platform = Loader.getPlatform();
    String exe = platform.startsWith("windows") ? ".exe" : "";
    for (String variant : List.of(platform + "-gpl", platform)) {
      String prefix = "org/bytedeco/ffmpeg/" + variant + "/";
      URL url = FfmpegLocator.class.getClassLoader().getResource(prefix + "ffmpeg" + exe);
      if (url == null) {
        continue;
      }
      Path dir = cacheRoot.resolve("ffmpeg").resolve(cacheName(url, variant));
      if (!Files.isRegularFile(dir.resolve(".complete"))) {
        extract(url, prefix, dir);
      }
      return Optional.of(
          new Executables(
              dir.resolve("ffmpeg" + exe),
              dir.resolve("ffprobe" + exe),
              "org.bytedeco:ffmpeg " + variant + " in " + dir));
    }
    return Optional.empty();
  }

  /** The jar's file name (it carries the version), else the variant. */
  private static String cacheName(URL url, String variant) {
    String s = url.toString();
    int bang = s.lastIndexOf(".jar!/");
    if (bang > 0) {
      String jar = s.substring(0, bang);
      return jar.substring(jar.lastIndexOf('/') + 1);
    }
    return variant + "-" + Integer.toHexString(s.hashCode());
  }

  /** Extracts into a sibling temporary folder, makes it runnable, then renames it into place. */
  private static void extract(URL url, String prefix, Path dir) throws IOException {
    Files.createDirectories(dir.getParent());
    Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
    try {
      copyEntries(url, prefix, tmp);
      prepare(tmp);
      Files.writeString(tmp.resolve(".complete"), "");
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // Another process extracted it first; use theirs.
        if (!Files.isRegularFile(dir.resolve(".complete"))) {
          throw e;
        }
      } catch (IOException e) {
        if (!Files.isRegularFile(dir.resolve(".complete"))) {
          throw e;
        }
      }
    } finally {
      deleteTree(tmp);
    }
  }

  private static void copyEntries(URL url, String prefix, Path target) throws IOException {
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection c = (JarURLConnection) url.openConnection();
      c.setUseCaches(false);
      try (JarFile jar = c.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          String name = e.getName();
          if (!e.isDirectory()
              && name.startsWith(prefix)
              && name.indexOf('/', prefix.length()) < 0) {
            try (InputStream in = jar.getInputStream(e)) {
              Files.copy(in, target.resolve(name.substring(prefix.length())));
            }
          }
        }
      }
    } else {
      Path source;
      try {
        source = Path.of(url.toURI()).getParent();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      try (Stream<Path> files = Files.list(source)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, target.resolve(f.getFileName().toString()));
        }
      }
    }
  }

  /**
   * Makes the executables executable, gives every library the versioned name its dependants ask for
   * ({@code libva.so.2} for a shipped {@code libva.so}), and drops from the device library the
   * system audio and display libraries that are missing on headless machines (see {@link
   * ElfNeeded}).
   */
  private static void prepare(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.toList();
    }
    Set<String> present = new HashSet<>();
    files.forEach(f -> present.add(f.getFileName().toString()));
    List<Path> elves = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.equals("ffmpeg") || name.equals("ffprobe")) {
        if (!f.toFile().setExecutable(true, false)) {
          throw new IOException("cannot make " + f + " executable");
        }
      }
      if (isElf(f)) {
        elves.add(f);
      }
    }
    for (Path f : elves) {
      List<String> needed = ElfNeeded.needed(f);
      Set<String> drop = new HashSet<>();
      for (String lib : needed) {
        if (present.contains(lib) || SYSTEM_LIBRARIES.contains(lib)) {
          continue;
        }
        String unversioned = lib.replaceFirst("\\.so(\\.\\d+)+$", ".so");
        if (present.contains(unversioned)) {
          Files.copy(dir.resolve(unversioned), dir.resolve(lib));
          present.add(lib);
        } else if (f.getFileName().toString().startsWith("libavdevice")) {
          drop.add(lib);
        }
      }
      if (!drop.isEmpty()) {
        ElfNeeded.removeNeeded(f, drop);
      }
    }
  }

  private static boolean isElf(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 0x7f
          && magic[1] == 'E'
          && magic[2] == 'L'
          && magic[3] == 'F';
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
