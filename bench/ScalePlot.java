/*
 * Plots how the cost of each query family grows with the catalog (issue 15 item 4: 1M → 3M → 10M)
 * from the CSV that bench/scale-queries.sh appends to (tracks,family,metric,value) and the build
 * figures of bench/scale.sh added by hand as family "build" (metrics import_tracks_per_s,
 * index_docs_per_s). Java2D only, like SoakPlot: any machine with the JDK draws it.
 * The x axis is the catalog size on a log scale, so log-linear growth is a straight line.
 *
 * Usage: java bench/ScalePlot.java scale.csv out.png "title"
 */
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

public class ScalePlot {
  static final int W = 1200, PANEL_H = 260, LEFT = 80, RIGHT = 260, TOP = 40, GAP = 50;
  static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f)
  };

  /** metric → family → tracks → value */
  static final Map<String, Map<String, TreeMap<Double, Double>>> DATA = new TreeMap<>();

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      if (c.length < 4 || c[3].isBlank()) {
        continue;
      }
      DATA.computeIfAbsent(c[2], k -> new TreeMap<>())
          .computeIfAbsent(c[1], k -> new TreeMap<>())
          .put(Double.parseDouble(c[0]), Double.parseDouble(c[3]));
    }
    String[][] panels = {
      {"inprocess_cpu_p50_ms", "in process: CPU per call, median (ms)"},
      {"open80_p99_ms", "over HTTP, open workload at 80 % of the maximum: p99 (ms)"},
      {"closed_max_rps", "over HTTP, closed-loop maximum, 16 callers (requests/s)"},
      {"build", "build: import tracks/s, index documents/s"}
    };
    int h = TOP + panels.length * (PANEL_H + GAP);
    BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(args.length > 2 ? args[2] : "cost against catalog size", LEFT, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < panels.length; i++) {
      Map<String, TreeMap<Double, Double>> series =
          panels[i][0].equals("build")
              ? buildSeries()
              : DATA.getOrDefault(panels[i][0], Map.of());
      panel(g, series, panels[i][1], TOP + i * (PANEL_H + GAP));
    }
    g.dispose();
    ImageIO.write(img, "png", Path.of(args[1]).toFile());
  }

  static Map<String, TreeMap<Double, Double>> buildSeries() {
    Map<String, TreeMap<Double, Double>> s = new TreeMap<>();
    for (String m : List.of("import_tracks_per_s", "index_docs_per_s")) {
      TreeMap<Double, Double> v = DATA.getOrDefault(m, Map.of()).get("build");
      if (v != null) {
        s.put(m.replace("_per_s", "/s").replace('_', ' '), v);
      }
    }
    return s;
  }

  static void panel(Graphics2D g, Map<String, TreeMap<Double, Double>> series, String unit, int top) {
    int x0 = LEFT, x1 = W - RIGHT, y0 = top + PANEL_H, y1 = top;
    double xMin = Double.MAX_VALUE, xMax = 0, vMax = 0;
    for (TreeMap<Double, Double> s : series.values()) {
      for (Map.Entry<Double, Double> e : s.entrySet()) {
        xMin = Math.min(xMin, e.getKey());
        xMax = Math.max(xMax, e.getKey());
        vMax = Math.max(vMax, e.getValue());
      }
    }
    if (series.isEmpty()) {
      xMin = 1e6;
      xMax = 1e7;
    }
    double lMin = Math.log10(xMin) - 0.05, lMax = Math.log10(Math.max(xMax, xMin * 10)) + 0.05;
    vMax = niceCeiling(vMax * 1.1);
    g.setColor(new Color(210, 210, 210));
    for (int i = 0; i <= 5; i++) {
      int y = y0 - (y0 - y1) * i / 5;
      g.drawLine(x0, y, x1, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(format(vMax * i / 5), 8, y + 4);
      g.setColor(new Color(210, 210, 210));
    }
    for (double t : new double[] {1e6, 2e6, 3e6, 5e6, 1e7, 2e7}) {
      if (Math.log10(t) < lMin || Math.log10(t) > lMax) {
        continue;
      }
      int x = x(t, lMin, lMax, x0, x1);
      g.drawLine(x, y0, x, y1);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format("%.0fM", t / 1e6), x - 10, y0 + 15);
      g.setColor(new Color(210, 210, 210));
    }
    g.setColor(Color.BLACK);
    g.drawRect(x0, y1, x1 - x0, y0 - y1);
    g.drawString(unit + "   (x: tracks, log scale)", x0 + 5, y1 - 5);
    g.setStroke(new BasicStroke(1.8f));
    int i = 0;
    for (Map.Entry<String, TreeMap<Double, Double>> s : series.entrySet()) {
      g.setColor(COLORS[i % COLORS.length]);
      int px = -1, py = -1;
      for (Map.Entry<Double, Double> e : s.getValue().entrySet()) {
        int x = x(e.getKey(), lMin, lMax, x0, x1);
        int y = y0 - (int) ((y0 - y1) * e.getValue() / vMax);
        g.fillOval(x - 4, y - 4, 8, 8);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.fillRect(x1 + 15, y1 + 10 + i * 20, 14, 4);
      g.drawString(s.getKey(), x1 + 35, y1 + 16 + i * 20);
      i++;
    }
    g.setStroke(new BasicStroke(1f));
  }

  static int x(double tracks, double lMin, double lMax, int x0, int x1) {
    return x0 + (int) ((x1 - x0) * (Math.log10(tracks) - lMin) / (lMax - lMin));
  }

  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String format(double v) {
    return v >= 100 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v);
  }
}
