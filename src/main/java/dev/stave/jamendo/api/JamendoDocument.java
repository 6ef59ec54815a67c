package dev.stave.jamendo.api;

import java.util.List;
import java.util.Map;

/**
 * One response document (spec §3.1): headers plus results. {@code results} is a list of entity maps
 * (insertion-ordered) for every method but autocomplete, whose results is a map keyed by entity.
 */
public record JamendoDocument(
    JamendoCode code, String errorDetail, List<String> warnings, Object results, Long fullcount) {

  public static JamendoDocument success(
      List<Map<String, Object>> results, List<String> warnings, Long fullcount) {
    return new JamendoDocument(JamendoCode.SUCCESS, null, warnings, results, fullcount);
  }

  public static JamendoDocument failure(JamendoException e, List<String> warnings) {
    return new JamendoDocument(e.code(), e.getMessage(), warnings, List.of(), null);
  }

  public boolean ok() {
    return code == JamendoCode.SUCCESS;
  }

  /** Top-level entities in results; for an autocomplete object, the number of entity groups. */
  public int resultsCount() {
    if (results instanceof List<?> list) {
      return list.size();
    }
    if (results instanceof Map<?, ?> map) {
      return map.size();
    }
    return 0;
  }
}
