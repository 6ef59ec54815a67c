package dev.stave.site.portal;

import dev.stave.access.AppSelfService;
import dev.stave.access.AppSelfService.OwnedApp;
import dev.stave.access.usage.UsageReport;
import dev.stave.access.usage.UsageReports;
import dev.stave.site.Viewer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's usage page, {@code /developer/apps/{clientId}/usage}: requests per hour (48 h) and per
 * day (30 days) as uPlot charts split by dialect and method, the answer codes, the rate-limit
 * refusals and the month's requests against the quota. Its owner opens it, and so does an operator
 * (an account with {@code ROLE_OPERATOR}) for any app: the operator console links here. The figures
 * are also tables, for readers without script or sight of the charts.
 *
 * <p>The chart data travel in the page as a JSON data block ({@code type="application/json"}, never
 * run), which the face's own script {@code portal-usage.js} draws: the content security policy
 * allows no inline script.
 */
@Controller
public class UsagePage {
  private final AppSelfService apps;
  private final UsageReports reports;
  private final JsonMapper json = JsonMapper.builder().build();

  public UsagePage(AppSelfService apps, UsageReports reports) {
    this.apps = apps;
    this.reports = reports;
  }

  @GetMapping(PortalController.APPS + "/{clientId}/usage")
  public String usage(
      @ModelAttribute("viewer") Viewer viewer, @PathVariable String clientId, Model model) {
    Optional<OwnedApp> mine = apps.find(viewer.userId(), clientId);
    OwnedApp owned =
        mine.or(() -> viewer.operator() ? apps.any(clientId) : Optional.empty())
            .orElseThrow(() -> PortalController.noSuchApp(clientId));
    UsageReport report = reports.report(clientId);
    model.addAttribute("owned", owned);
    model.addAttribute("report", report);
    model.addAttribute("mine", mine.isPresent());
    model.addAttribute("quotaPercent", quotaPercent(report));
    // "<" escaped, so that no text in the data can close the <script> data block
    model.addAttribute(
        "chartData", json.writeValueAsString(chartData(report)).replace("<", "\\u003c"));
    return "portal/usage";
  }

  private static long quotaPercent(UsageReport r) {
    return r.monthlyQuota() == 0 ? 0 : Math.min(100, r.monthUsed() * 100 / r.monthlyQuota());
  }

  /** What portal-usage.js draws: x values in Unix seconds, one array per series. */
  private static Map<String, Object> chartData(UsageReport r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("hours", r.hours().stream().map(Instant::getEpochSecond).toList());
    data.put("perHour", r.perHour());
    data.put("days", r.days().stream().map(UsagePage::epochSecond).toList());
    data.put("perDay", r.perDay());
    data.put("refusedPerDay", r.refusedPerDay());
    data.put("series", List.copyOf(r.perDay().keySet()));
    return data;
  }

  private static long epochSecond(LocalDate day) {
    return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }
}
