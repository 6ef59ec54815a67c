package dev.stave.ingest;

import dev.stave.catalog.Tag;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts an uncategorised tag into Jamendo's musicinfo categories: a known instrument becomes an
 * {@code instrument}, a known genre a {@code genre}, anything else a vartag ({@code mood}). The
 * legacy XML dump gives its {@code Tags/tag/idstr} without a category, and without this every one
 * of them landed in {@code vartags} while {@code genres} stayed empty.
 *
 * <p>Decision: the vocabulary is a list written for Stave (common genre names, the ID3v1/Winamp
 * genre table in its spelling-free form, decades, and common instruments), not read from the
 * MTG-Jamendo data set, whose metadata licence (CC BY-NC-SA) does not let Stave ship a copy.
 * Jamendo's tag vocabulary is the one MTG-Jamendo was built from, so the list covers every MTG
 * genre and instrument tag; a test checks that against the data set when it is present.
 *
 * <p>Tags are compared in a spelling-free form (lower case, {@code &} read as {@code n}, everything
 * but letters and digits dropped), so {@code Hip-Hop}, {@code hip hop} and {@code hiphop} are one
 * genre and {@code Drum & Bass} is {@code drumnbass}. Instruments are looked up before genres, so
 * that {@code bass} (also an ID3 genre) is the instrument, which is what Jamendo tags mean by it.
 */
final class TagVocabulary {
  private static final Set<String> INSTRUMENTS =
      Set.of(
          "accordion",
          "acousticbassguitar",
          "acousticguitar",
          "bagpipe",
          "banjo",
          "bass",
          "bassguitar",
          "bassoon",
          "beat",
          "bell",
          "bells",
          "bongo",
          "brass",
          "cello",
          "clarinet",
          "classicalguitar",
          "computer",
          "contrabass",
          "cymbal",
          "didgeridoo",
          "djembe",
          "doublebass",
          "drummachine",
          "drums",
          "electricbass",
          "electricguitar",
          "electricpiano",
          "fiddle",
          "flute",
          "glockenspiel",
          "guitar",
          "harmonica",
          "harp",
          "harpsichord",
          "horn",
          "keyboard",
          "keyboards",
          "mandolin",
          "marimba",
          "oboe",
          "orchestra",
          "organ",
          "pad",
          "percussion",
          "piano",
          "pipeorgan",
          "rhodes",
          "sampler",
          "saxophone",
          "sitar",
          "strings",
          "synth",
          "synthesizer",
          "tabla",
          "trombone",
          "trumpet",
          "tuba",
          "ukulele",
          "vibraphone",
          "viola",
          "violin",
          "voice",
          "xylophone");

  private static final Set<String> GENRES =
      Set.of(
          // decades, as Jamendo files them among genres
          "50s",
          "60s",
          "70s",
          "80s",
          "90s",
          "00s",
          // common genres and their sub-genres
          "acidjazz",
          "acidhouse",
          "afrobeat",
          "alternative",
          "alternativerock",
          "ambient",
          "americana",
          "atmospheric",
          "baroque",
          "bigband",
          "bluegrass",
          "blues",
          "bluesrock",
          "bossanova",
          "breakbeat",
          "celtic",
          "chamber",
          "chanson",
          "chillout",
          "chiptune",
          "choir",
          "classical",
          "classicrock",
          "club",
          "contemporary",
          "country",
          "cumbia",
          "dance",
          "darkambient",
          "darkwave",
          "deathmetal",
          "deephouse",
          "disco",
          "downtempo",
          "drumnbass",
          "dub",
          "dubstep",
          "easylistening",
          "edm",
          "electro",
          "electronic",
          "electronica",
          "electropop",
          "emo",
          "ethno",
          "eurodance",
          "experimental",
          "flamenco",
          "folk",
          "folkrock",
          "funk",
          "fusion",
          "garage",
          "gospel",
          "gothic",
          "groove",
          "grunge",
          "hard",
          "hardcore",
          "hardrock",
          "heavymetal",
          "hiphop",
          "house",
          "idm",
          "improvisation",
          "indie",
          "indiepop",
          "indierock",
          "industrial",
          "instrumentalpop",
          "instrumentalrock",
          "jazz",
          "jazzfunk",
          "jazzfusion",
          "jpop",
          "kpop",
          "latin",
          "lofi",
          "lounge",
          "medieval",
          "metal",
          "minimal",
          "neoclassical",
          "newage",
          "newwave",
          "noise",
          "opera",
          "orchestral",
          "pop",
          "poppunk",
          "popfolk",
          "poprock",
          "postpunk",
          "postrock",
          "progressive",
          "progressiverock",
          "psychedelic",
          "psytrance",
          "punk",
          "punkrock",
          "rap",
          "reggae",
          "reggaeton",
          "rnb",
          "rock",
          "rockabilly",
          "rocknroll",
          "salsa",
          "samba",
          "singersongwriter",
          "ska",
          "soul",
          "soundtrack",
          "swing",
          "symphonic",
          "synthpop",
          "tango",
          "techno",
          "trance",
          "triphop",
          "world",
          "worldfusion",
          // the rest of the ID3v1/Winamp genre table, spelling-free
          "acid",
          "acidpunk",
          "alternrock",
          "avantgarde",
          "bebob",
          "blackmetal",
          "bootybass",
          "cabaret",
          "christianrap",
          "eurotechno",
          "folklore",
          "freestyle",
          "gangsta",
          "goa",
          "gothicrock",
          "jungle",
          "nationalfolk",
          "nativeamerican",
          "oldies",
          "polka",
          "psychedelicrock",
          "rave",
          "showtunes",
          "slowrock",
          "sonata",
          "southernrock",
          "symphony",
          "tribal",
          "thrashmetal");

  private TagVocabulary() {}

  /** The tag {@code name} in the category the vocabulary gives it (vartags when unknown). */
  static Tag categorise(String name) {
    String key = key(name);
    if (INSTRUMENTS.contains(key)) {
      return new Tag(Tag.INSTRUMENT, name);
    }
    if (GENRES.contains(key)) {
      return new Tag(Tag.GENRE, name);
    }
    return new Tag(Tag.MOOD, name);
  }

  /** The spelling-free form tags are compared in. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace("&", "n").replaceAll("[^a-z0-9]", "");
  }
}
