package dev.stave.cli;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.AppSelfService;
import dev.stave.access.limits.AppLimits;
import dev.stave.access.limits.AppLimitsStore;
import dev.stave.access.limits.LimitsProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description = "Manage the client applications allowed to call the API.",
    subcommands = {
      AppsCommand.Create.class,
      AppsCommand.ListApps.class,
      AppsCommand.Show.class,
      AppsCommand.Suspend.class,
      AppsCommand.Resume.class,
      AppsCommand.SetLimits.class,
      AppsCommand.RotateSecret.class,
      AppsCommand.SetPlan.class,
      AppsCommand.ApprovePlan.class,
      AppsCommand.DeclinePlan.class,
      AppsCommand.SetRedirectUris.class
    })
public class AppsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  abstract static class AppTask implements Callable<Integer> {
    @Mixin StoreOptions store;

    private AppLimitsStore limits;
    private LimitsProperties defaults;
    private AppSelfService selfService;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
        limits = ctx.getBean(AppLimitsStore.class);
        selfService = ctx.getBean(AppSelfService.class);
        defaults = ctx.getBean(LimitsProperties.class);
        return run(ctx.getBean(AppRegistry.class));
      }
    }

    abstract int run(AppRegistry apps);

    AppLimitsStore limits() {
      return limits;
    }

    AppSelfService selfService() {
      return selfService;
    }

    /**
     * One line per app: client id, state, name, creation time and the limits in force, e.g. {@code
     * limits: 6,000/minute (default), 35,000/month}.
     */
    void print(App app) {
      AppLimits own = limits.find(app.clientId()).orElse(AppLimits.DEFAULTS);
      String asks =
          selfService
              .any(app.clientId())
              .flatMap(AppSelfService.OwnedApp::requestedPlan)
              .map(
                  p ->
                      "  asks for " + p.key() + " (stave apps approve-plan " + app.clientId() + ")")
              .orElse("");
      System.out.printf(
          "%s  %-9s  %-10s  %s  (created %s)  limits: %s%s%n",
          app.clientId(),
          app.state().name().toLowerCase(Locale.ROOT),
          app.plan().key(),
          app.name(),
          app.createdAt(),
          own.describe(defaults),
          asks);
    }

    static void printDetails(App app) {
      System.out.println("Client id:     " + app.clientId());
      System.out.println("Name:          " + app.name());
      System.out.println("Owner:         " + (app.owner() == null ? "-" : app.owner()));
      System.out.println("Plan:          " + app.plan().key());
      System.out.println("State:         " + app.state().name().toLowerCase(Locale.ROOT));
      System.out.println(
          "Redirect URIs: "
              + (app.redirectUris().isEmpty() ? "-" : String.join(" ", app.redirectUris())));
      System.out.println("Created:       " + app.createdAt());
    }

    static void printSecret(AppRegistry.Issued issued) {
      System.out.println("Client secret: " + issued.clientSecret());
      System.out.println(
          "The secret is stored hashed and cannot be shown again; keep it now, or issue a new"
              + " one with: stave apps rotate-secret "
              + issued.app().clientId());
    }
  }

  static App.Plan plan(String key) {
    return App.Plan.of(key);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Register an app and print its client id.")
  static class Create extends AppTask {
    @Parameters(paramLabel = "NAME", description = "A name for the app")
    String name;

    @Option(names = "--owner", description = "Who answers for the app, e.g. an e-mail address")
    String owner;

    @Option(
        names = "--plan",
        defaultValue = "read-only",
        description = "read-only (default) or read-write (may call the setuser write methods)")
    String plan;

    @Option(
        names = "--redirect-uri",
        paramLabel = "URI",
        description =
            "A redirect URI for the OAuth2 authorize flow (repeatable); the app must send"
                + " exactly one of its registered URIs")
    List<String> redirectUris = new ArrayList<>();

    @Override
    int run(AppRegistry apps) {
      AppRegistry.Issued issued = apps.register(name, owner, plan(plan), redirectUris);
      App app = issued.app();
      System.out.println("Created app '" + app.name() + "'. Client id: " + app.clientId());
      printSecret(issued);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered apps.")
  static class ListApps extends AppTask {
    @Override
    int run(AppRegistry apps) {
      var all = apps.list();
      if (all.isEmpty()) {
        System.out.println("No apps registered. Create one with: stave apps create NAME");
      }
      all.forEach(this::print);
      return 0;
    }
  }

  @Command(
      name = "suspend",
      mixinStandardHelpOptions = true,
      description = "Suspend an app: its client id stops working.")
  static class Suspend extends AppTask {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    int run(AppRegistry apps) {
      print(apps.setState(clientId, App.State.SUSPENDED));
      return 0;
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Resume a suspended app.")
  static class Resume extends AppTask {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    int run(AppRegistry apps) {
      print(apps.setState(clientId, App.State.ACTIVE));
      return 0;
    }
  }

  @Command(
      name = "set-limits",
      mixinStandardHelpOptions = true,
      description = {
        "Set an app's own rate limit and monthly quota, in place of the server's defaults"
            + " (stave.limits.app.*).",
        "Each value is a number of requests, 'unlimited' (or 0), or 'default' to follow the"
            + " server's default again. A value not given is left as it is.",
        "Applies from the app's next request, on every node."
      })
  static class SetLimits extends AppTask {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Option(
        names = "--per-minute",
        paramLabel = "N",
        description = "Requests per minute, from all the app's callers together")
    String perMinute;

    @Option(
        names = "--monthly",
        paramLabel = "N",
        description =
            "Monthly quota (calendar month, UTC). Past it answers carry a usage warning instead"
                + " of results; past stave.limits.app.monthly-hard-percent of it (default 110)"
                + " requests are refused until the month ends")
    String monthly;

    @Override
    int run(AppRegistry apps) {
      App app = apps.require(clientId);
      AppLimits own = limits().find(clientId).orElse(AppLimits.DEFAULTS);
      limits()
          .set(
              clientId,
              new AppLimits(
                  AppLimits.parse("--per-minute", perMinute, own.perMinute()),
                  AppLimits.parse("--monthly", monthly, own.monthly())));
      print(app);
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show an app: owner, plan, state, redirect URIs (never its secret).")
  static class Show extends AppTask {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    int run(AppRegistry apps) {
      printDetails(apps.require(clientId));
      return 0;
    }
  }

  @Command(
      name = "rotate-secret",
      mixinStandardHelpOptions = true,
      description = "Issue a new client secret; the old one stops working at once.")
  static class RotateSecret extends AppTask {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    int run(AppRegistry apps) {
      printSecret(apps.rotateSecret(clientId));
      return 0;
    }
  }

  @Command(
      name = "set-plan",
      mixinStandardHelpOptions = true,
      description = "Set an app's plan: read-only or read-write.")
  static class SetPlan extends AppTask {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;

    @Parameters(index = "1", paramLabel = "PLAN", description = "read-only or read-write")
    String plan;

    @Override
    int run(AppRegistry apps) {
      print(apps.setPlan(clientId, plan(plan)));
      return 0;
    }
  }

  @Command(
      name = "approve-plan",
      mixinStandardHelpOptions = true,
      description =
          "Give an app the plan its developer asked for in the developer portal (read-write).")
  static class ApprovePlan extends AppTask {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    int run(AppRegistry apps) {
      print(selfService().approvePlan(clientId));
      return 0;
    }
  }

  @Command(
      name = "decline-plan",
      mixinStandardHelpOptions = true,
      description = "Turn down the plan an app asked for; it keeps its plan.")
  static class DeclinePlan extends AppTask {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    int run(AppRegistry apps) {
      selfService().declinePlan(clientId);
      print(apps.require(clientId));
      return 0;
    }
  }

  @Command(
      name = "set-redirect-uris",
      mixinStandardHelpOptions = true,
      description = "Replace an app's registered redirect URIs (none: the app cannot authorize).")
  static class SetRedirectUris extends AppTask {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;

    @Parameters(index = "1..*", paramLabel = "URI", description = "Redirect URIs")
    List<String> uris = new ArrayList<>();

    @Override
    int run(AppRegistry apps) {
      printDetails(apps.setRedirectUris(clientId, uris));
      return 0;
    }
  }
}
