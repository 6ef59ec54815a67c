package dev.stave.cli;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description = "Manage the client applications allowed to call the API.",
    subcommands = {
      AppsCommand.Create.class,
      AppsCommand.ListApps.class,
      AppsCommand.Suspend.class,
      AppsCommand.Resume.class
    })
public class AppsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  abstract static class AppTask implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
        return run(ctx.getBean(AppRegistry.class));
      }
    }

    abstract int run(AppRegistry apps);

    static void print(App app) {
      System.out.printf(
          "%s  %-9s  %s  (created %s)%n",
          app.clientId(),
          app.state().name().toLowerCase(java.util.Locale.ROOT),
          app.name(),
          app.createdAt());
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Register an app and print its client id.")
  static class Create extends AppTask {
    @Parameters(paramLabel = "NAME", description = "A name for the app")
    String name;

    @Override
    int run(AppRegistry apps) {
      App app = apps.create(name);
      System.out.println("Created app '" + app.name() + "'. Client id: " + app.clientId());
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
      all.forEach(AppTask::print);
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
}
