package dev.stave.ingest;

import dev.stave.catalog.ChangeFollower;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A change follower present in every context the tests start, counting how often importers ask
 * projections to catch up (the search index is built elsewhere; this stands in for it).
 */
@Component
public class CountingChangeFollower implements ChangeFollower {
  static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public void catchUp() {
    CALLS.incrementAndGet();
  }
}
