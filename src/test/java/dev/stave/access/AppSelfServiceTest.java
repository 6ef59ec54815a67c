package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.access.AppSelfService.InvalidFields;
import dev.stave.access.AppSelfService.Registration;
import dev.stave.testsupport.BothStores;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Developers register, see, rotate and delete their own apps and no one else's; a read-write plan
 * waits for the operator under the default setting.
 */
@BothStores
class AppSelfServiceTest {
  private static final AtomicLong USERS = new AtomicLong(77_000);

  private final AppSelfService self;
  private final AppRegistry registry;
  private final PasswordEncoder encoder;

  AppSelfServiceTest(AppSelfService self, AppRegistry registry, ApplicationContext context) {
    this.self = self;
    this.registry = registry;
    this.encoder = context.getBean(PasswordEncoder.class);
  }

  private static Registration app(String name, String... uris) {
    return new Registration(name, "what it does", List.of(uris), App.Plan.READ_ONLY);
  }

  @Test
  void registersAnAppOwnedByTheAccountThatOnlyItSees() {
    long me = USERS.incrementAndGet();
    long other = USERS.incrementAndGet();
    AppRegistry.Issued issued =
        self.register(me, "ana", app("  My player ", "https://example.org/callback"));

    App app = issued.app();
    assertThat(app.name()).isEqualTo("My player");
    assertThat(app.owner()).isEqualTo("ana");
    assertThat(app.plan()).isEqualTo(App.Plan.READ_ONLY);
    assertThat(app.redirectUris()).containsExactly("https://example.org/callback");
    assertThat(encoder.matches(issued.clientSecret(), registry.secretHash(app.clientId()).get()))
        .isTrue();
    assertThat(self.mine(me)).extracting(a -> a.app().clientId()).containsExactly(app.clientId());
    assertThat(self.find(me, app.clientId()).get().description()).isEqualTo("what it does");
    assertThat(self.mine(other)).isEmpty();
    assertThat(self.find(other, app.clientId())).isEmpty();
    assertThat(self.rotateSecret(other, app.clientId())).isEmpty();
    assertThat(self.delete(other, app.clientId())).isFalse();
    assertThat(registry.find(app.clientId())).isPresent();
  }

  @Test
  void rotatesTheSecretAndDeletesTheApp() {
    long me = USERS.incrementAndGet();
    AppRegistry.Issued issued = self.register(me, "bo", app("Rotated"));
    String id = issued.app().clientId();
    String second = self.rotateSecret(me, id).orElseThrow().clientSecret();
    String hash = registry.secretHash(id).orElseThrow();
    assertThat(encoder.matches(issued.clientSecret(), hash)).isFalse();
    assertThat(encoder.matches(second, hash)).isTrue();

    assertThat(self.delete(me, id)).isTrue();
    assertThat(registry.find(id)).isEmpty();
    assertThat(registry.findRecent(id)).isEmpty();
    assertThat(self.mine(me)).isEmpty();
  }

  @Test
  void aReadWriteRequestWaitsForTheOperator() {
    long me = USERS.incrementAndGet();
    App app =
        self.register(me, "cy", new Registration("Writer", "", List.of(), App.Plan.READ_WRITE))
            .app();
    assertThat(self.selfServicePlan()).isEqualTo(App.Plan.READ_ONLY);
    assertThat(app.plan()).isEqualTo(App.Plan.READ_ONLY);
    assertThat(self.find(me, app.clientId()).get().requestedPlan()).contains(App.Plan.READ_WRITE);
    assertThat(self.awaitingApproval())
        .extracting(a -> a.app().clientId())
        .contains(app.clientId());

    assertThat(self.approvePlan(app.clientId()).plan()).isEqualTo(App.Plan.READ_WRITE);
    assertThat(self.find(me, app.clientId()).get().requestedPlan()).isEmpty();
    assertThatThrownBy(() -> self.approvePlan(app.clientId()))
        .hasMessageContaining("asked for no other plan");
  }

  @Test
  void refusesBadValuesNamingEachField() {
    long me = USERS.incrementAndGet();
    assertThatThrownBy(
            () ->
                self.register(
                    me,
                    "dee",
                    new Registration(
                        "  ", "d".repeat(1001), List.of("https://e.org/a/../b"), null)))
        .isInstanceOfSatisfying(
            InvalidFields.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("name", "Give the app a name")
                    .containsEntry("description", "A description has at most 1000 characters")
                    .hasEntrySatisfying(
                        "redirectUris", m -> assertThat(m).contains("dot segments")));
    assertThatThrownBy(() -> self.register(me, "dee", app("x".repeat(101))))
        .isInstanceOfSatisfying(
            InvalidFields.class, e -> assertThat(e.errors()).containsOnlyKeys("name"));
    assertThatThrownBy(() -> self.register(me, "dee", app("Relative", "/callback")))
        .isInstanceOfSatisfying(
            InvalidFields.class,
            e -> assertThat(e.errors().get("redirectUris")).contains("absolute"));
    assertThat(self.mine(me)).isEmpty();
  }
}
