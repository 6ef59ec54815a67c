package dev.stave.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every {@link Importer} bean, by format name. */
@Component
public class ImporterRegistry {
  private final Map<String, Importer> byFormat = new TreeMap<>();

  public ImporterRegistry(List<Importer> importers) {
    for (Importer i : importers) {
      Importer previous = byFormat.put(i.format(), i);
      if (previous != null) {
        throw new IllegalStateException("two importers for format " + i.format());
      }
    }
  }

  public Optional<Importer> find(String format) {
    return Optional.ofNullable(byFormat.get(format));
  }

  public List<Importer> all() {
    return List.copyOf(byFormat.values());
  }
}
