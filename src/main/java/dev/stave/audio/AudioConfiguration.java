package dev.stave.audio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code stave.audio.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AudioProperties.class)
public class AudioConfiguration {}
