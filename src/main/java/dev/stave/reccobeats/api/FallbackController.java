package dev.stave.reccobeats.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers the {@code /v1} requests no endpoint takes, so that they get the dialect's error envelope
 * rather than Spring's: an unknown path is a 404 with code 4042; a known path asked with another
 * HTTP method is a 405 (with {@code Allow}), with a Content-Type the endpoint does not consume a
 * 415. (Spring decides these before any controller is chosen, where an advice scoped to this
 * package cannot see them; this mapping is the least specific, so every real endpoint wins.)
 */
@Hidden
@RestController
class FallbackController {
  private final ApplicationContext context;

  FallbackController(ApplicationContext context) {
    this.context = context;
  }

  @RequestMapping(
      value = "/v1/**",
      method = {
        RequestMethod.GET,
        RequestMethod.HEAD,
        RequestMethod.POST,
        RequestMethod.PUT,
        RequestMethod.PATCH,
        RequestMethod.DELETE
      })
  void unmatched(HttpServletRequest request) throws Exception {
    RequestMappingHandlerMapping mapping =
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    List<RequestMappingInfo> samePath = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      if (e.getValue().getBeanType() != FallbackController.class
          && info.getPathPatternsCondition() != null
          && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
        samePath.add(info);
      }
    }
    if (samePath.isEmpty()) {
      throw new ReccoBeatsException(
          ReccoBeatsCode.NO_RESOURCE,
          "No endpoint " + request.getMethod() + " " + request.getRequestURI());
    }
    List<RequestMappingInfo> sameMethod =
        samePath.stream()
            .filter(i -> i.getMethodsCondition().getMatchingCondition(request) != null)
            .toList();
    if (sameMethod.isEmpty()) {
      Set<String> allowed = new LinkedHashSet<>();
      samePath.forEach(
          i -> i.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name())));
      throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
    }
    List<MediaType> consumable = new ArrayList<>();
    sameMethod.forEach(i -> consumable.addAll(i.getConsumesCondition().getConsumableMediaTypes()));
    String contentType = request.getContentType();
    throw new HttpMediaTypeNotSupportedException(
        StringUtils.hasLength(contentType) ? MediaType.parseMediaType(contentType) : null,
        consumable,
        org.springframework.http.HttpMethod.valueOf(request.getMethod()));
  }
}
