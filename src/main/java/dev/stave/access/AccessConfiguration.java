package dev.stave.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans of the access feature that every context needs, the CLI's included. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {
  /**
   * Hashes passwords and client secrets: Spring Security's delegating encoder, which writes bcrypt
   * today and prefixes every hash with its algorithm ({@code {bcrypt}…}) so that a later default
   * (Argon2) can take over without invalidating stored hashes.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
