package dev.stave.jamendo.artists;

import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Location;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.LocationFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/artists/locations} (spec §8.8): every {@code artists} parameter, plus {@code
 * haslocation}, {@code location_country} (ISO 3166-1 alpha-3, from Jamendo's list), {@code
 * location_city} (case and accents ignored), {@code location_coords} ({@code lat_lon}) with {@code
 * location_radius} (km, default 1); each artist with its {@code locations[]}, all values strings.
 * Every condition is answered by the search index ({@link LocationFilter}).
 *
 * <p>Where the spec is silent: the country, city and distance conditions hold for one location at a
 * time, so an artist based in Paris and in Berlin is not found by {@code location_country=FRA} with
 * {@code location_city=Berlin}; several countries are alternatives. An artist's nested list then
 * shows only the locations that meet the conditions, the answer to "where, among the places asked
 * for" ({@code haslocation} alone, or no condition, shows them all). A location's {@code id} is its
 * rank among the artist's locations, from 1. {@code location_radius} without coordinates is ignored
 * with a warning; the locations count against the response's sub-entity cap.
 */
@Component
public class ArtistLocationsMethod extends ArtistsSubMethod {
  /** The country codes Jamendo accepts (spec §8.8), upper case. */
  static final Set<String> COUNTRIES =
      Set.of(
          ("AFG ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW ASC AUS AUT AZE BHS BHR BGD BRB BLR BEL "
                  + "BLZ BEN BMU BTN BOL BIH BWA BVT BRA IOT VGB BRN BGR BFA BDI KHM CMR CAN CPV BES CYM CAF "
                  + "TCD CHL CHN CXR CPT CCK COL COM COG COD COK CRI HRV CUB CUW CYP CZE CIV DNK DGA DJI DMA "
                  + "DOM ECU EGY SLV GNQ ERI EST ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB "
                  + "GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD HND HKG HUN ISL IND IDN IRN IRQ IRL IMN "
                  + "ISR ITA JAM JPN JEY JOR KAZ KEN KIR XKK KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC "
                  + "MKD MDG MWI MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR "
                  + "NAM NRU NPL NLD ANT NCL NZL NIC NER NGA NIU NFK PRK MNP NOR OMN PAK PLW PSE PAN PNG PRY "
                  + "PER PHL PCN POL PRT PRI QAT ROU RUS RWA REU BLM SHN KNA LCA MAF SPM WSM SMR SAU SEN SRB "
                  + "SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS KOR SSD ESP LKA VCT SDN SUR SJM SWZ SWE CHE SYR "
                  + "STP TWN TJK TZA THA TLS TGO TKL TON TTO TAA TUN TUR TKM TCA TUV UMI VIR UGA UKR ARE GBR "
                  + "USA URY UZB VUT VAT VEN VNM WLF ESH YEM ZMB ZWE ALA")
              .strip()
              .split(" "));

  public ArtistLocationsMethod(
      ArtistsMethod artists,
      CatalogSearch search,
      CatalogStore store,
      EntityCache entities,
      JamendoLinks links) {
    super(artists, search, store, entities, links);
  }

  @Override
  public String path() {
    return "artists/locations";
  }

  @Override
  List<String> ownParameters() {
    return List.of(
        "haslocation", "location_country", "location_city", "location_coords", "location_radius");
  }

  @Override
  Optional<Nested> prepare(JamendoParams p, EntityQuery.Builder artistQuery, List<String> orders) {
    p.bool("haslocation").ifPresent(artistQuery::hasLocation);
    Set<String> countries = new LinkedHashSet<>();
    for (String c : p.multi("location_country")) {
      String code = c.toUpperCase(Locale.ROOT);
      if (!COUNTRIES.contains(code)) {
        throw JamendoException.type(
            "location_country",
            "takes ISO 3166-1 alpha-3 codes, one of "
                + String.join(" ", COUNTRIES.stream().sorted().toList())
                + "; got '"
                + c
                + "'");
      }
      countries.add(code);
    }
    Optional<String> city = p.string("location_city");
    Optional<double[]> coords = p.coordinates("location_coords");
    long radius = p.integer("location_radius").orElse(1L);
    if (radius < 1) {
      throw JamendoException.type("location_radius", "must be a whole number of km, 1 or more");
    }
    if (coords.isEmpty() && p.has("location_radius")) {
      p.warn("location_radius is ignored without location_coords");
    }
    LocationFilter where =
        new LocationFilter(
            countries,
            city.orElse(null),
            coords.map(c -> new LocationFilter.Near(c[0], c[1], radius)).orElse(null));
    artistQuery.locations(where);
    return Optional.of(
        (page, budget) -> {
          Map<Long, List<Map<String, Object>>> children = new LinkedHashMap<>();
          for (Artist a : page.keySet()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < a.locations().size(); i++) {
              Location l = a.locations().get(i);
              if (where.matches(l)) {
                list.add(render(i + 1, l));
              }
            }
            children.put(a.id(), list);
          }
          EntityParams.nest(new ArrayList<>(page.values()), "locations", children, budget);
        });
  }

  private static Map<String, Object> render(int rank, Location l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(rank));
    m.put("longitude", l.longitude() == null ? "" : String.valueOf(l.longitude()));
    m.put("latitude", l.latitude() == null ? "" : String.valueOf(l.latitude()));
    m.put("country", l.country() == null ? "" : l.country());
    m.put("city", l.city() == null ? "" : l.city());
    return m;
  }
}
