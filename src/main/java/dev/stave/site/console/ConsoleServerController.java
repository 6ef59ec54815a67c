package dev.stave.site.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's server page: requests per second and mean latency by method, and error responses,
 * over the last hour ({@link ServerMetricsHistory}). The page itself carries a table of each
 * method's totals (readable without script); its charts (uPlot) draw the series {@code
 * /console/server/metrics} returns.
 */
@Controller
@ConditionalOnWebApplication
public class ConsoleServerController {
  /** Methods drawn as their own line; the rest are summed as "other". */
  static final int CHARTED_ROUTES = 6;

  private final ServerMetricsHistory history;

  public ConsoleServerController(ServerMetricsHistory history) {
    this.history = history;
  }

  @GetMapping("/console/server")
  public String server(Model model) {
    model.addAttribute("totals", history.totals());
    model.addAttribute("samples", history.samples().size());
    model.addAttribute("periodSeconds", history.period().toSeconds());
    return "console/server";
  }

  /**
   * The charts' data, in uPlot's column layout: {@code times} (epoch seconds), then per charted
   * method its requests per second and mean latency (null where it had no request), and the total
   * rate and error rates.
   */
  @GetMapping(value = "/console/server/metrics", produces = "application/json")
  @ResponseBody
  public Map<String, Object> metrics() {
    List<ServerMetricsHistory.Sample> samples = history.samples();
    List<String> routes =
        history.totals().stream()
            .limit(CHARTED_ROUTES)
            .map(ServerMetricsHistory.RouteTotal::route)
            .toList();
    List<Long> times = new ArrayList<>();
    List<List<Double>> rates = new ArrayList<>();
    List<List<Double>> latencies = new ArrayList<>();
    routes.forEach(
        r -> {
          rates.add(new ArrayList<>());
          latencies.add(new ArrayList<>());
        });
    List<Double> total = new ArrayList<>();
    List<Double> clientErrors = new ArrayList<>();
    List<Double> serverErrors = new ArrayList<>();
    for (ServerMetricsHistory.Sample s : samples) {
      times.add(s.at().getEpochSecond());
      for (int i = 0; i < routes.size(); i++) {
        ServerMetricsHistory.Point p = s.routes().get(routes.get(i));
        rates.get(i).add(p == null ? 0.0 : round(p.perSecond()));
        latencies.get(i).add(p == null ? null : round(p.meanMillis()));
      }
      total.add(round(s.perSecond()));
      clientErrors.add(round(s.clientErrors()));
      serverErrors.add(round(s.serverErrors()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("periodSeconds", history.period().toSeconds());
    out.put("times", times);
    out.put("routes", routes);
    out.put("rates", rates);
    out.put("latencies", latencies);
    out.put("total", total);
    out.put("clientErrors", clientErrors);
    out.put("serverErrors", serverErrors);
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
