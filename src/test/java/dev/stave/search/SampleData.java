package dev.stave.search;

import dev.stave.catalog.CatalogBatch;

/** Public access to {@link SampleCatalog} for tests outside this package. */
public final class SampleData {
  private SampleData() {}

  /** The 8-track sample catalog (3 albums, 3 artists). */
  public static CatalogBatch catalog() {
    return SampleCatalog.batch();
  }
}
