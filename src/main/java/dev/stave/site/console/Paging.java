package dev.stave.site.console;

/**
 * One page of a console list: which page (from 1), how many per page and how many match, with the
 * numbers the page's links need. Values out of range (a page 0, a page past the end, a number that
 * is no number) are brought back into range rather than refused: a list link is never an error.
 */
public record Paging(int page, int size, long total) {
  /** Rows per page of the console's lists. */
  public static final int SIZE = 25;

  /** The page asked for ({@code page} parameter, from 1), clamped to the pages there are. */
  public static Paging of(String page, long total) {
    int asked;
    try {
      asked = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      asked = 1;
    }
    int last = (int) Math.max(1, (total + SIZE - 1) / SIZE);
    return new Paging(Math.clamp(asked, 1, last), SIZE, total);
  }

  public int offset() {
    return (page - 1) * size;
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }

  /** The 1-based number of the first row shown (0 when none). */
  public long first() {
    return total == 0 ? 0 : offset() + 1L;
  }

  /** The 1-based number of the last row shown. */
  public long last() {
    return Math.min(total, (long) offset() + size);
  }
}
