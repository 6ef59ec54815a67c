package dev.stave.reccobeats.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stave.analysis.AudioAnalyzer;
import dev.stave.analysis.AudioSignature;
import dev.stave.audio.AudioException;
import dev.stave.catalog.AudioFeatures;
import dev.stave.reccobeats.api.ReccoBeatsCode;
import dev.stave.reccobeats.api.ReccoBeatsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Analysis of an uploaded clip (spec E8). The part {@code audioFile} is recognised by its bytes
 * (MP3, Ogg, WAV, AIFF/AIFC, FLAC, M4A/MP4), never by its name or declared type; only its first 30
 * seconds are analysed. Anything else, or a file ffmpeg cannot decode, is 400 with code 4002
 * "Unsupported file type"; a file over 5 MB is 400 with code 4002 too (spring.servlet.multipart
 * limits, answered by {@code ReccoBeatsErrors}); a request that is not multipart is 415.
 */
@RestController
@Tag(name = "Analysis", description = "Audio features of an uploaded clip")
public class AnalysisController {
  static final String UNSUPPORTED = "Unsupported file type";

  private final AudioAnalyzer analyzer;

  public AnalysisController(AudioAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  @PostMapping(
      value = "/v1/analysis/audio-features",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Audio features of an uploaded clip",
      description =
          "Multipart part audioFile, at most 5 MB: MP3, Ogg (Vorbis, Opus), WAV, AIFF, FLAC or M4A,"
              + " recognised from the bytes. The first 30 seconds are analysed. 400 with code 4002"
              + " for any other or undecodable file, or one over 5 MB; 415 when the request is not"
              + " multipart/form-data.")
  public UploadedFeatures analyze(
      @Parameter(description = "The audio file") @RequestPart(name = "audioFile", required = false)
          MultipartFile audioFile) {
    if (audioFile == null) {
      throw new ReccoBeatsException(
          ReccoBeatsCode.BAD_REQUEST, "Required part 'audioFile' is not present.");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("stave-upload-", ".audio");
      audioFile.transferTo(tmp);
      Optional<AudioSignature> format = sniff(tmp);
      if (format.isEmpty()) {
        throw new ReccoBeatsException(ReccoBeatsCode.BAD_REQUEST, UNSUPPORTED);
      }
      return UploadedFeatures.of(
          analyzer.analyze(tmp, format.get(), AudioAnalyzer.UPLOAD_LIMIT).features());
    } catch (AudioException e) {
      throw new ReccoBeatsException(ReccoBeatsCode.BAD_REQUEST, UNSUPPORTED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // A temporary file left behind is removed with the temporary folder.
        }
      }
    }
  }

  private static Optional<AudioSignature> sniff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return AudioSignature.detect(in.readNBytes(AudioSignature.HEAD));
    }
  }

  /** The nine fields of an uploaded clip's features (spec §2.5), rounded to 4 decimals. */
  @JsonPropertyOrder({
    "acousticness",
    "danceability",
    "energy",
    "instrumentalness",
    "liveness",
    "loudness",
    "speechiness",
    "tempo",
    "valence"
  })
  public record UploadedFeatures(
      double acousticness,
      double danceability,
      double energy,
      double instrumentalness,
      double liveness,
      double loudness,
      double speechiness,
      double tempo,
      double valence) {

    static UploadedFeatures of(AudioFeatures f) {
      return new UploadedFeatures(
          round(f.acousticness()),
          round(f.danceability()),
          round(f.energy()),
          round(f.instrumentalness()),
          round(f.liveness()),
          round(f.loudness()),
          round(f.speechiness()),
          round(f.tempo()),
          round(f.valence()));
    }

    private static double round(Double v) {
      return v == null ? 0 : Math.round(v * 10_000) / 10_000.0;
    }
  }
}
