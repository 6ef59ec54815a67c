/*
 * Plots the CSV of bench/SoakLoad.java as a PNG (run by the JDK's source launcher; Java2D only, so
 * the figure is reproducible on any machine with the JDK, no gnuplot or Python packages needed).
 * Four panels over the run's time: requests/s per kind; heap used, heap live after GC and RSS
 * and anonymous RSS (MB); open file descriptors and live threads; the machine's load average with the server's
 * ffmpeg processes and waiting transcodes. A grey band marks the warm-up.
 *
 * Usage: java bench/SoakPlot.java samples.csv out.png WARMUP_SECONDS "title"
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
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

public class SoakPlot {
  static final int W = 1200, PANEL_H = 240, LEFT = 80, RIGHT = 230, TOP = 40, GAP = 40;
  static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b)
  };

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    String[] head = lines.get(0).split(",");
    List<double[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(Arrays.stream(l.split(",")).mapToDouble(SoakPlot::number).toArray());
    }
    double warmup = Double.parseDouble(args[2]);
    String title = args.length > 3 ? args[3] : "soak";
    List<String> rates = new ArrayList<>();
    for (String h : head) {
      if (h.endsWith("_per_s")) {
        rates.add(h);
      }
    }
    int h = TOP + 4 * (PANEL_H + GAP) + 20;
    BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    panel(g, rows, head, rates, "requests/s (per 5 s sample)", TOP, warmup);
    panel(
        g,
        rows,
        head,
        List.of("heap_used_mb", "heap_live_mb", "rss_mb", "rss_anon_mb"),
        "MB",
        TOP + PANEL_H + GAP,
        warmup);
    panel(g, rows, head, List.of("fds", "threads"), "count", TOP + 2 * (PANEL_H + GAP), warmup);
    // The machine is shared: its load says how much of it the server and the load had.
    panel(
        g,
        rows,
        head,
        List.of("load1", "ffmpeg_children", "transcodes_waiting"),
        "machine load (1 min), ffmpeg processes, waiting transcodes",
        TOP + 3 * (PANEL_H + GAP),
        warmup);
    g.dispose();
    ImageIO.write(img, "png", Path.of(args[1]).toFile());
  }

  static double number(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static void panel(
      Graphics2D g,
      List<double[]> rows,
      String[] head,
      List<String> series,
      String unit,
      int top,
      double warmup) {
    int x0 = LEFT, x1 = W - RIGHT, y0 = top + PANEL_H, y1 = top;
    double tMax = rows.isEmpty() ? 1 : rows.get(rows.size() - 1)[0];
    double vMax = 0;
    List<Integer> cols = new ArrayList<>();
    for (String s : series) {
      int c = Arrays.asList(head).indexOf(s);
      cols.add(c);
      for (double[] r : rows) {
        if (c >= 0 && !Double.isNaN(r[c])) {
          vMax = Math.max(vMax, r[c]);
        }
      }
    }
    vMax = niceCeiling(vMax * 1.1);
    // warm-up band
    g.setColor(new Color(235, 235, 235));
    int wx = x0 + (int) ((x1 - x0) * Math.min(1, warmup / tMax));
    g.fillRect(x0, y1, wx - x0, y0 - y1);
    // axes and grid
    g.setColor(new Color(210, 210, 210));
    for (int i = 0; i <= 5; i++) {
      int y = y0 - (y0 - y1) * i / 5;
      g.drawLine(x0, y, x1, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(format(vMax * i / 5), 8, y + 4);
      g.setColor(new Color(210, 210, 210));
    }
    for (int s = 0; s <= tMax; s += 60) {
      int x = x0 + (int) ((x1 - x0) * s / tMax);
      g.drawLine(x, y0, x, y1);
      g.setColor(Color.DARK_GRAY);
      g.drawString(s + " s", x - 12, y0 + 15);
      g.setColor(new Color(210, 210, 210));
    }
    g.setColor(Color.BLACK);
    g.drawRect(x0, y1, x1 - x0, y0 - y1);
    g.drawString(unit + (warmup > 0 ? "   (grey: warm-up)" : ""), x0 + 5, y1 - 5);
    g.setStroke(new BasicStroke(1.8f));
    for (int i = 0; i < series.size(); i++) {
      int c = cols.get(i);
      if (c < 0) {
        continue;
      }
      g.setColor(COLORS[i % COLORS.length]);
      int px = -1, py = -1;
      for (double[] r : rows) {
        if (Double.isNaN(r[c])) {
          continue;
        }
        int x = x0 + (int) ((x1 - x0) * r[0] / tMax);
        int y = y0 - (int) ((y0 - y1) * r[c] / vMax);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.fillRect(x1 + 15, y1 + 10 + i * 20, 14, 4);
      g.drawString(series.get(i).replace("_per_s", ""), x1 + 35, y1 + 16 + i * 20);
    }
    g.setStroke(new BasicStroke(1f));
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
