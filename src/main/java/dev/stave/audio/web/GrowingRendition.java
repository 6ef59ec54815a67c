package dev.stave.audio.web;

import dev.stave.audio.AudioException;
import dev.stave.audio.TranscodeRun;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * The HTTP answer for a rendition ffmpeg is still making ({@link TranscodeRun}): the bytes are sent
 * as they are written, so the first request for a long track starts playing at once instead of
 * after the whole transcode.
 *
 * <p>Decisions, for a rendition still being made (once it is complete, the cached file answers with
 * every HTTP feature of a static file, see {@link AudioStreamController}):
 *
 * <ul>
 *   <li>The length is unknown, so there is no {@code Content-Length}: HTTP/1.1 sends the body
 *       chunked (HTTP/1.0 to the connection's close). A run that fails after the first bytes were
 *       sent closes the connection without the final chunk, so the client sees a broken transfer,
 *       never a short file that looks complete.
 *   <li>{@code Accept-Ranges: bytes}: ranges are honoured, now and once the rendition is cached (it
 *       is the same bytes under the same {@code ETag}), so a player may seek.
 *   <li>No {@code Range}, or {@code bytes=0-} (what a browser's audio element asks first): 200 with
 *       the whole stream, following the run to its end.
 *   <li>One range {@code a-b}: waits until ffmpeg has written byte {@code b}, then 206 with {@code
 *       Content-Range: bytes a-b/*} (the complete length is not known yet).
 *   <li>Every other range (an open {@code a-}, a player's seek, which asks for everything to an end
 *       not known yet: a 206 of only the bytes made so far ends ffmpeg's and other players'
 *       playback there; a suffix {@code -n}, which needs the end; several ranges; a malformed one)
 *       waits for the run to end and is answered from the cached file, as is any range the run
 *       completes before its bytes were there. The original is never sent in place of a rendition:
 *       its bytes are another file, and a player mixing ranges of both would break.
 *   <li>{@code If-None-Match} with the rendition's {@code ETag} gets 304; an {@code If-Range} that
 *       does not match (or is a date) gets the whole stream.
 * </ul>
 */
final class GrowingRendition {
  private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

  private GrowingRendition() {}

  /**
   * Answers {@code request} from {@code run}, or returns false when it needs the complete file (the
   * run has ended meanwhile; it did not fail) and nothing was sent.
   *
   * @throws AudioException when the run fails before anything was sent (the caller answers 500)
   * @throws IOException when the client went away, or the run failed while its bytes were being
   *     sent (the response is then broken off)
   */
  static boolean send(
      TranscodeRun.Reader run,
      String etag,
      String contentType,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    // Nothing is committed before ffmpeg wrote its first bytes: a file it cannot read is a 500.
    if (run.awaitBeyond(0).ended()) {
      return false;
    }
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setHeader(HttpHeaders.ETAG, etag);
      return true;
    }
    String range = request.getHeader(HttpHeaders.RANGE);
    long from = 0;
    long to = -1; // exclusive; -1: to the end of the run
    if (range != null && !range.strip().equals("bytes=0-")) {
      Matcher m = ONE_RANGE.matcher(range.strip());
      if (!m.matches()) {
        run.awaitEnd();
        return false;
      }
      from = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
      if (last < from) {
        // An open range (a seek) asks for everything to the end, whose position is not known yet;
        // an inverted one is unsatisfiable (416 once the length is known).
        run.awaitEnd();
        return false;
      }
      if (run.awaitBeyond(last).ended()) {
        return false;
      }
      to = last + 1;
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + (to - 1) + "/*");
      response.setContentLengthLong(to - from);
    } else {
      response.setStatus(HttpServletResponse.SC_OK);
    }
    response.setContentType(contentType);
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    if (request.getMethod().equals("HEAD")) {
      return true;
    }
    try {
      run.copy(from, to, response.getOutputStream());
    } catch (AudioException e) {
      // Committed: the status can no longer say so. An exception from here makes the container
      // close the connection without ending the body, which the client sees as a failed transfer.
      // Neither ffmpeg's words nor the cause go along (Renditions logged them): a message such as
      // "Broken pipe" would make Spring take this for a client that hung up and end the response
      // normally, as if the file were complete.
      throw new IOException("the transcode failed while it was being sent");
    }
    return true;
  }
}
