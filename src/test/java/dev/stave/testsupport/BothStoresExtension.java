package dev.stave.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Provides the two runs of a {@link BothStores} class, one {@link StoreRun} each. */
final class BothStoresExtension implements ClassTemplateInvocationContextProvider {

  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return context.getTestClass().map(c -> c.isAnnotationPresent(BothStores.class)).orElse(false);
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(
      ExtensionContext context) {
    return Arrays.stream(StoreKind.values()).map(BothStoresExtension::invocation);
  }

  private static ClassTemplateInvocationContext invocation(StoreKind kind) {
    return new ClassTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + kind.name().toLowerCase(Locale.ROOT) + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new StoreRun(kind));
      }
    };
  }
}
