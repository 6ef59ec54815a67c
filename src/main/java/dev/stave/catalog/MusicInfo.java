package dev.stave.catalog;

/**
 * Jamendo musicinfo fields of a track; empty strings are stored as null. vocalInstrumental: vocal |
 * instrumental; gender: male | female; acousticElectric: acoustic | electric; speed: verylow | low
 * | medium | high | veryhigh; lang: ISO 639-1.
 */
public record MusicInfo(
    String vocalInstrumental, String lang, String gender, String acousticElectric, String speed) {
  public static final MusicInfo NONE = new MusicInfo(null, null, null, null, null);
}
