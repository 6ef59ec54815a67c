package dev.stave.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the change log so that its sequence numbers become visible in commit order: every
 * follower (each node's search index) reads the rows past the last sequence number it applied, and
 * that is only sound if no row with a smaller number can still appear later.
 *
 * <p>On PostgreSQL that did not hold: the identity column hands out numbers when a row is inserted,
 * not when its transaction commits, so with two writers at once (two nodes, or two requests of one)
 * transaction A could take N, transaction B take N+1 and commit first, and a follower read N+1,
 * move past N, and never apply A's change. SQLite has one writer at a time, so there numbers are
 * already in commit order.
 *
 * <p>Decision: make the numbers commit-ordered on the writing side. The rows a transaction produces
 * are held back until just before it commits ({@link TransactionSynchronization#beforeCommit});
 * then the transaction takes a transaction-scoped advisory lock, inserts its rows and commits,
 * which releases the lock only after the commit is visible. So the next writer draws its numbers
 * after the previous one is visible, and a follower that sees N+1 is guaranteed to see N (or N was
 * rolled back and never will exist). Inserting last keeps the lock's hold short (the inserts and
 * the commit, nothing that waits for row locks), so it cannot take part in a deadlock with the rows
 * the transaction updated before.
 *
 * <p>Rejected: a follower that remembers gaps and re-reads them until a timeout declares them
 * rolled back. A long import batch (seconds) would outlive any timeout short enough to keep the
 * index fresh, and gaps are common anyway (every rolled-back transaction leaves one), so it trades
 * a rare lost change for a rarer one. Following transaction ids ({@code pg_current_snapshot()})
 * instead of sequence numbers would avoid the lock but change the index's recorded position and
 * hold every follower back behind the oldest running transaction of the database.
 *
 * <p>Cost: the tails of writing transactions (insert rows, commit) run one at a time across all
 * nodes, so a write waits for at most the commits queued before it; everything before the tail
 * (reads, upserts, relation rows) still runs in parallel. Measured in docs/performance.md.
 */
final class ChangeLogWriter {
  /** The advisory lock's key: "STAVECLG" in ASCII, apart from the first-run lock's key. */
  static final long LOCK_KEY = 0x5354_4156_4543_4C47L;

  private static final String INSERT =
      "INSERT INTO change_log (entity_type, entity_id) VALUES (?, ?)";

  private final JdbcTemplate jdbc;
  private final List<BiConsumer<String, List<Long>>> committedListeners =
      new CopyOnWriteArrayList<>();
  private volatile Boolean postgres;

  ChangeLogWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that entities of {@code kind} changed: appended when the current transaction commits
   * (dropped if it rolls back), or at once when there is no transaction.
   */
  void record(String kind, List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<Object[]> rows = ids.stream().map(id -> new Object[] {kind, id}).toList();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      append(rows);
      committed(rows);
      return;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.rows.addAll(rows);
  }

  /**
   * Calls {@code listener} with the kind and ids of every change this process writes, once it is
   * committed (visible to every reader), on the writing thread: how caches of this node forget an
   * entity before the write returns to its caller.
   */
  void onCommitted(BiConsumer<String, List<Long>> listener) {
    committedListeners.add(listener);
  }

  private void committed(List<Object[]> rows) {
    if (committedListeners.isEmpty() || rows.isEmpty()) {
      return;
    }
    Map<String, List<Long>> byKind = new LinkedHashMap<>();
    for (Object[] row : rows) {
      byKind.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Long) row[1]);
    }
    byKind.forEach((kind, ids) -> committedListeners.forEach(l -> l.accept(kind, ids)));
  }

  private void append(List<Object[]> rows) {
    if (isPostgres()) {
      jdbc.query(
          "SELECT pg_advisory_xact_lock(?)", (ResultSetExtractor<Void>) rs -> null, LOCK_KEY);
    }
    jdbc.batchUpdate(INSERT, rows);
  }

  private boolean isPostgres() {
    Boolean p = postgres;
    if (p == null) {
      p =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
      postgres = p;
    }
    return Boolean.TRUE.equals(p);
  }

  /** The rows of one transaction, appended right before it commits. */
  private final class Pending implements TransactionSynchronization {
    final List<Object[]> rows = new ArrayList<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      append(rows);
    }

    @Override
    public void afterCommit() {
      committed(rows);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(ChangeLogWriter.this);
    }
  }
}
