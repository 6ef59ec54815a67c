package dev.stave.jamendo.setuser;

import dev.stave.jamendo.api.JamendoWriteMethod;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@code setuser/*} write methods (spec §9) with the Jamendo controller. */
@Configuration(proxyBeanMethods = false)
public class SetUserMethods {
  @Bean
  List<JamendoWriteMethod> jamendoSetUserMethods(
      LibraryViews views, LibraryStore library, ObjectProvider<Clock> clock) {
    return List.copyOf(SetUserMethod.all(views, library, clock.getIfAvailable(Clock::systemUTC)));
  }
}
