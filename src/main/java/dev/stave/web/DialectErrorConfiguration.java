package dev.stave.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Installs the dialects' error documents at the two places where errors escape the dialects' own
 * handling: the servlet error dispatch ({@link ErrorDispatchFilter}) and Tomcat's error report
 * valve ({@link DialectErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
public class DialectErrorConfiguration {
  @Bean
  FilterRegistrationBean<ErrorDispatchFilter> dialectErrorDispatch(
      List<DialectErrorDocuments> dialects) {
    FilterRegistrationBean<ErrorDispatchFilter> registration =
        new FilterRegistrationBean<>(new ErrorDispatchFilter(dialects));
    registration.setDispatcherTypes(DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /**
   * Replaces the host's error report valve once every customizer ran (Spring Boot adds its own in a
   * context customizer, Tomcat one at host start): the context's BEFORE_START comes after both.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> dialectErrorReportValve(
      List<DialectErrorDocuments> dialects) {
    return factory ->
        factory.addContextCustomizers(
            context ->
                context.addLifecycleListener(
                    event -> {
                      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        replaceErrorReportValve(context.getParent(), dialects);
                      }
                    }));
  }

  private static void replaceErrorReportValve(
      Container host, List<DialectErrorDocuments> dialects) {
    Pipeline pipeline = host.getPipeline();
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ErrorReportValve) {
        pipeline.removeValve(valve);
      }
    }
    pipeline.addValve(new DialectErrorReportValve(dialects));
  }
}
