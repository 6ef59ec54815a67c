package dev.stave.ingest.demo;

import java.util.random.RandomGenerator;

/**
 * Pronounceable invented names: artist names from consonant–vowel syllables (never a real person's
 * name by construction, and different for every seed), titles from a small stock of evocative
 * English words.
 */
final class Names {
  private static final String[] ONSETS = {
    "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m", "n", "p",
    "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou", "ea"};
  private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "m", "x", "th", "nd"};

  private static final String[] WORDS = {
    "Midnight",
    "River",
    "Echo",
    "Silver",
    "Golden",
    "Shadow",
    "Ocean",
    "Ember",
    "Paper",
    "Glass",
    "Neon",
    "Velvet",
    "Winter",
    "Summer",
    "Autumn",
    "Spring",
    "Northern",
    "Southern",
    "Lights",
    "Horizon",
    "Signal",
    "Dream",
    "Dreams",
    "Fire",
    "Rain",
    "Storm",
    "Stone",
    "Wild",
    "Quiet",
    "Electric",
    "Hollow",
    "Crystal",
    "Desert",
    "Forest",
    "Mountain",
    "City",
    "Streets",
    "Road",
    "Highway",
    "Harbor",
    "Island",
    "Garden",
    "Morning",
    "Evening",
    "Sunrise",
    "Sunset",
    "Moon",
    "Stars",
    "Sky",
    "Cloud",
    "Thunder",
    "Wave",
    "Waves",
    "Tide",
    "Heart",
    "Hearts",
    "Soul",
    "Ghost",
    "Machine",
    "Satellite",
    "Orbit",
    "Gravity",
    "Memory",
    "Memories",
    "Letter",
    "Song",
    "Dance",
    "Fever",
    "Pulse",
    "Rhythm",
    "Blue",
    "Red",
    "Black",
    "White",
    "Green",
    "Amber",
    "Scarlet",
    "Indigo",
    "Little",
    "Lost",
    "Found",
    "Broken",
    "Burning",
    "Falling",
    "Rising",
    "Running",
    "Waiting",
    "Dancing",
    "Sleeping",
    "Distant",
    "Faded",
    "Bright",
    "Slow",
    "Fast",
    "Last",
    "First",
    "Secret",
    "Hidden",
    "Open",
    "Empty",
    "Endless",
    "Lonely",
    "Sweet",
    "Bitter",
    "Young",
    "Old",
    "New",
    "Home",
    "Window",
    "Mirror",
    "Bridge",
    "Tower",
    "Train",
    "Station",
    "Coffee",
    "Honey",
    "Sugar",
    "Salt",
    "Smoke",
    "Dust",
    "Light",
    "Night",
    "Day",
    "Time",
    "Journey",
    "Wanderer",
    "Traveller",
    "Stranger",
    "Lovers",
    "Friends",
    "Children",
    "Kings",
    "Queens",
    "Angels",
    "Wolves",
    "Birds",
    "Horses",
    "Tigers",
    "Foxes",
    "Bees",
    "Rivers",
    "Lakes"
  };
  private static final String[] BAND_NOUNS = {
    "Collective",
    "Orchestra",
    "Quartet",
    "Trio",
    "Project",
    "Ensemble",
    "Sound System",
    "Band",
    "Experience",
    "Society",
    "Club",
    "Brothers",
    "Sisters",
    "Machine",
    "Unit"
  };

  private Names() {}

  /** A capitalised invented word of 2–3 syllables, e.g. "Kalomir". */
  static String word(RandomGenerator rng) {
    StringBuilder sb = new StringBuilder(12);
    int syllables = 2 + (rng.nextInt(3) == 0 ? 1 : 0);
    for (int i = 0; i < syllables; i++) {
      sb.append(ONSETS[rng.nextInt(ONSETS.length)]).append(VOWELS[rng.nextInt(VOWELS.length)]);
    }
    sb.append(CODAS[rng.nextInt(CODAS.length)]);
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.toString();
  }

  /** A solo act ("Mira Tolanes"), a band ("The Velvet Kalomirs") or a project ("Zoraith"). */
  static String artist(RandomGenerator rng) {
    int form = rng.nextInt(10);
    if (form < 4) {
      return word(rng) + " " + word(rng);
    }
    if (form < 6) {
      return word(rng);
    }
    if (form < 8) {
      return "The " + WORDS[rng.nextInt(WORDS.length)] + " " + word(rng) + "s";
    }
    return word(rng) + " " + BAND_NOUNS[rng.nextInt(BAND_NOUNS.length)];
  }

  /** A title of one to four words, sometimes with a made-up word in it. */
  static String title(RandomGenerator rng) {
    int words = 1 + rng.nextInt(3) + (rng.nextInt(6) == 0 ? 1 : 0);
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(i == 1 && words > 2 && rng.nextInt(4) == 0 ? " of " : " ");
      }
      sb.append(rng.nextInt(8) == 0 ? word(rng) : WORDS[rng.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
