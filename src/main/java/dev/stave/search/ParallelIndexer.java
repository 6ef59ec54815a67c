package dev.stave.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Feeds batches of documents to an IndexWriter from worker threads, so that reading the SQL store
 * (on the caller's thread) overlaps with projection, analysis and indexing (IndexWriter is
 * thread-safe and gives each thread its own in-memory segment, so indexing scales with the
 * threads). A batch is a task that makes its documents: the records read from the store are turned
 * into documents on the workers, leaving the reading thread only the SQL. A bounded queue keeps
 * memory flat. {@link #drain()} waits until everything submitted is in the writer, which is what a
 * checkpoint commit needs to know exactly which records it covers.
 */
final class ParallelIndexer implements AutoCloseable {
  private static final Supplier<List<Document>> END = List::of;

  private final IndexWriter writer;
  private final ProgressListener progress;
  private final long total;
  private final BlockingQueue<Supplier<List<Document>>> queue;
  private final ExecutorService pool;
  private final List<Future<?>> workers = new ArrayList<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final Object drained = new Object();

  /** Documents an earlier, interrupted build had already committed (counted in the progress). */
  private final long alreadyDone;

  ParallelIndexer(
      IndexWriter writer, int threads, ProgressListener progress, long total, long alreadyDone) {
    this.writer = writer;
    this.alreadyDone = alreadyDone;
    this.progress = progress;
    this.total = total;
    this.queue = new ArrayBlockingQueue<>(threads * 2);
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "stave-index-build");
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < threads; i++) {
      workers.add(pool.submit(this::work));
    }
  }

  private Void work() throws IOException, InterruptedException {
    while (true) {
      Supplier<List<Document>> task = queue.take();
      if (task == END) {
        return null;
      }
      List<Document> batch = task.get();
      writer.addDocuments(batch);
      // Counted and reported under one lock, so that the reports only ever rise (two workers
      // counting first and reporting after could report 15 of 15, then 6 of 15); none once the
      // build is being stopped, as the caller no longer listens.
      synchronized (progress) {
        long done = written.addAndGet(batch.size());
        if (!pool.isShutdown()) {
          progress.progress(alreadyDone + done, total);
        }
      }
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /**
   * Queues {@code records}, each made into one document by {@code project} on a worker; blocks
   * while the workers are behind. Throws when a worker failed, or CancellationException when the
   * calling thread is interrupted.
   */
  <T> void submit(List<T> records, Function<T, Document> project) {
    if (records.isEmpty()) {
      return;
    }
    Supplier<List<Document>> task =
        () -> {
          List<Document> docs = new ArrayList<>(records.size());
          for (T r : records) {
            docs.add(project.apply(r));
          }
          return docs;
        };
    queued.addAndGet(records.size());
    try {
      while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("search index rebuild interrupted; previous index kept");
    }
    rethrowFailure();
  }

  /** Waits until every document submitted so far is in the writer (the workers stay ready). */
  void drain() {
    try {
      synchronized (drained) {
        while (written.get() < queued.get()) {
          rethrowFailure();
          drained.wait(100);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("search index rebuild interrupted");
    }
    rethrowFailure();
  }

  /** Waits until every queued batch is in the writer; returns the documents written. */
  long finish() {
    try {
      for (int i = 0; i < workers.size(); i++) {
        queue.put(END);
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("search index rebuild interrupted; previous index kept");
    } catch (ExecutionException e) {
      throw failure(e);
    }
    return written.get();
  }

  private void rethrowFailure() {
    for (Future<?> w : workers) {
      if (w.isDone()) {
        try {
          w.get();
        } catch (ExecutionException e) {
          throw failure(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("search index rebuild interrupted");
        }
      }
    }
  }

  private static RuntimeException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof InterruptedException) {
      return new CancellationException("search index rebuild interrupted; previous index kept");
    }
    return cause instanceof RuntimeException r
        ? r
        : new IllegalStateException("indexing failed: " + cause, cause);
  }

  /**
   * Stops the workers and waits until they have (after {@link #finish()} they have already
   * stopped). The wait goes on when the caller is interrupted, which is how a build is cancelled
   * (its interrupt status is kept): a worker left running would write and report after the build
   * has returned.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    pool.close();
  }
}
