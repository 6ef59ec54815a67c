package dev.stave.audio;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ffprobe says about a file: its first audio stream, the container, whether a cover picture is
 * embedded, and its tags (container and stream tags merged, keys in lower case).
 */
public record AudioProbe(
    String codec,
    String container,
    int bitrateKbps,
    long durationMs,
    Integer sampleRate,
    Integer channels,
    boolean hasCover,
    Map<String, String> tags) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Parses ffprobe's {@code -show_format -show_streams -of json} output. */
  @SuppressWarnings("unchecked")
  public static AudioProbe parse(String json) {
    Map<String, Object> root = JSON.readValue(json, Map.class);
    Map<String, Object> format = (Map<String, Object>) root.getOrDefault("format", Map.of());
    List<Map<String, Object>> streams =
        (List<Map<String, Object>>) root.getOrDefault("streams", List.of());
    Map<String, String> tags = new HashMap<>();
    Map<String, Object> audio = null;
    boolean cover = false;
    for (Map<String, Object> s : streams) {
      if ("audio".equals(s.get("codec_type")) && audio == null) {
        audio = s;
        addTags(tags, s.get("tags"));
      } else if ("video".equals(s.get("codec_type"))) {
        cover = true;
      }
    }
    addTags(tags, format.get("tags"));
    if (audio == null) {
      throw new AudioException("no audio stream");
    }
    double seconds = number(format.get("duration"), number(audio.get("duration"), 0));
    double bitrate = number(audio.get("bit_rate"), number(format.get("bit_rate"), 0));
    return new AudioProbe(
        String.valueOf(audio.get("codec_name")),
        container(String.valueOf(format.get("format_name"))),
        (int) Math.round(bitrate / 1000),
        Math.round(seconds * 1000),
        (int) number(audio.get("sample_rate"), 0),
        (int) number(audio.get("channels"), 0),
        cover,
        Map.copyOf(tags));
  }

  private static void addTags(Map<String, String> out, Object tags) {
    if (tags instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            String value = String.valueOf(v).strip();
            if (!value.isEmpty()) {
              out.putIfAbsent(String.valueOf(k).toLowerCase(Locale.ROOT), value);
            }
          });
    }
  }

  private static double number(Object v, double fallback) {
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code mov,mp4,m4a,3gp,3g2,mj2} → {@code mp4}; {@code ogg} stays. */
  private static String container(String formatName) {
    String first = formatName.split(",")[0];
    return first.equals("mov") ? "mp4" : first;
  }

  /** The first tag present among {@code keys}, or null. */
  public String tag(String... keys) {
    for (String k : keys) {
      String v = tags.get(k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
