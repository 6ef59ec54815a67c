package dev.stave.testsupport;

/** The SQL stores Stave supports; storage tests run once per kind (see {@link BothStores}). */
public enum StoreKind {
  SQLITE,
  POSTGRESQL
}
