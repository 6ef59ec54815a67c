package dev.stave.ingest;

import java.util.List;
import java.util.Locale;

/**
 * ID3v1 genre numbers (0–79 of the standard, 80–125 of the Winamp extension), as the Jamendo dump
 * writes them in {@code id3genre}. Jamendo used 0 ("Blues") for "unknown", so 0 maps to nothing.
 */
public final class Id3Genres {
  private static final List<String> NAMES =
      List.of(
          "Blues",
          "Classic Rock",
          "Country",
          "Dance",
          "Disco",
          "Funk",
          "Grunge",
          "Hip-Hop",
          "Jazz",
          "Metal",
          "New Age",
          "Oldies",
          "Other",
          "Pop",
          "R&B",
          "Rap",
          "Reggae",
          "Rock",
          "Techno",
          "Industrial",
          "Alternative",
          "Ska",
          "Death Metal",
          "Pranks",
          "Soundtrack",
          "Euro-Techno",
          "Ambient",
          "Trip-Hop",
          "Vocal",
          "Jazz+Funk",
          "Fusion",
          "Trance",
          "Classical",
          "Instrumental",
          "Acid",
          "House",
          "Game",
          "Sound Clip",
          "Gospel",
          "Noise",
          "AlternRock",
          "Bass",
          "Soul",
          "Punk",
          "Space",
          "Meditative",
          "Instrumental Pop",
          "Instrumental Rock",
          "Ethnic",
          "Gothic",
          "Darkwave",
          "Techno-Industrial",
          "Electronic",
          "Pop-Folk",
          "Eurodance",
          "Dream",
          "Southern Rock",
          "Comedy",
          "Cult",
          "Gangsta",
          "Top 40",
          "Christian Rap",
          "Pop/Funk",
          "Jungle",
          "Native American",
          "Cabaret",
          "New Wave",
          "Psychadelic",
          "Rave",
          "Showtunes",
          "Trailer",
          "Lo-Fi",
          "Tribal",
          "Acid Punk",
          "Acid Jazz",
          "Polka",
          "Retro",
          "Musical",
          "Rock & Roll",
          "Hard Rock",
          "Folk",
          "Folk-Rock",
          "National Folk",
          "Swing",
          "Fast Fusion",
          "Bebob",
          "Latin",
          "Revival",
          "Celtic",
          "Bluegrass",
          "Avantgarde",
          "Gothic Rock",
          "Progressive Rock",
          "Psychedelic Rock",
          "Symphonic Rock",
          "Slow Rock",
          "Big Band",
          "Chorus",
          "Easy Listening",
          "Acoustic",
          "Humour",
          "Speech",
          "Chanson",
          "Opera",
          "Chamber Music",
          "Sonata",
          "Symphony",
          "Booty Bass",
          "Primus",
          "Porn Groove",
          "Satire",
          "Slow Jam",
          "Club",
          "Tango",
          "Samba",
          "Folklore",
          "Ballad",
          "Power Ballad",
          "Rhythmic Soul",
          "Freestyle",
          "Duet",
          "Punk Rock",
          "Drum Solo",
          "A capella",
          "Euro-House",
          "Dance Hall");

  private Id3Genres() {}

  /**
   * The ID3v1 number of a genre name (any case), or 0 (which Jamendo's dump reads as unknown) for a
   * name that is not in the table; the inverse of {@link #name(String)}, for exports.
   */
  public static int number(String name) {
    for (int i = 1; i < NAMES.size(); i++) {
      if (NAMES.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return 0;
  }

  /** The lower-case genre name, or null for 0 (unknown), blanks and numbers outside the table. */
  public static String name(String number) {
    if (number == null || number.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(number.strip());
      return n <= 0 || n >= NAMES.size() ? null : NAMES.get(n).toLowerCase(Locale.ROOT);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("id3genre is not a number: '" + number + "'", e);
    }
  }
}
