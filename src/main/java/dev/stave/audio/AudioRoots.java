package dev.stave.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The folders audio may come from: {@code stave.audio.roots} and those {@code stave scan}
 * remembers. A file is servable only when its real path (every symbolic link resolved) lies inside
 * the real path of one of them, so neither a stored path, nor "..", nor a link can reach outside.
 */
@Component
public class AudioRoots {
  private final AudioProperties props;
  private final AudioFileStore files;

  public AudioRoots(AudioProperties props, AudioFileStore files) {
    this.props = props;
    this.files = files;
  }

  /** Configured roots first, then remembered ones; as given (absolute, normalized). */
  public List<Path> all() {
    Set<Path> out = new LinkedHashSet<>();
    props.roots().forEach(r -> out.add(r.toAbsolutePath().normalize()));
    out.addAll(files.rememberedRoots());
    return List.copyOf(out);
  }

  /** The real path of {@code file} when it is a regular file inside a root, else empty. */
  public Optional<Path> servable(Path file) {
    return inside(file, all());
  }

  /** The real path of {@code file} when it is a regular file inside one of {@code roots}. */
  public static Optional<Path> inside(Path file, List<Path> roots) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(real)) {
      return Optional.empty();
    }
    for (Path root : roots) {
      try {
        if (real.startsWith(root.toRealPath())) {
          return Optional.of(real);
        }
      } catch (IOException e) {
        // A root that does not exist (unmounted disk) contains nothing.
      }
    }
    return Optional.empty();
  }
}
