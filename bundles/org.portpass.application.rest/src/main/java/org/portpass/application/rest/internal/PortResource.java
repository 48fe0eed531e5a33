package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.application.ApplicationService;
import org.portpass.application.PassType;
import org.portpass.application.PortRequirements;
import org.portpass.application.SubjectKind;
import org.portpass.core.Caller;
import org.portpass.core.Port;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;
import org.portpass.registry.AttachmentType;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.Languages;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Messages;

@Component(service = PortResource.class)
@JaxrsResource
@JSONRequired
@Path("ports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ports", description = "The ports, their pickup desks and what they require")
public class PortResource {
  /** Card desks register under this name; read by name so this bundle needs no card API. */
  private static final String CARD_DESK = "org.portpass.card.CardDesk";

  private final LiveServices services;
  private final PortDirectory ports;
  private final ApplicationService applications;
  private final CallerResolver callers;
  private final BundleContext context;

  @Activate
  public PortResource(
      @Reference PortDirectory ports, @Reference CallerResolver callers, BundleContext context) {
    this.services = new LiveServices(context);
    this.ports = ports;
    this.applications = services.of(ApplicationService.class);
    this.callers = callers;
    this.context = context;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  /** A port as clients see it; {@code name} is keyed by language tag (zh-TW, en). */
  public record PortView(String code, Map<String, String> name, List<String> desks) {}

  /** What a port requires of a submission; texts in the caller's language. */
  public record RequirementsView(
      String port,
      Map<PassType, Integer> maxDays,
      List<LimitView> limits,
      List<AttachmentView> attachments) {}

  public record LimitView(String id, int max, String text) {}

  public record AttachmentView(
      String rule,
      SubjectKind subjectKind,
      PassType passType,
      AttachmentType attachmentType,
      String text) {}

  @GET
  @Operation(
      summary = "The ports with their names in zh-TW and English and their pickup desks",
      description =
          "Desks are those configured for the port (org.portpass.ports) and those running on this"
              + " server.")
  public List<PortView> list(@Context HttpServletRequest request) {
    callers.resolve(request); // any logged-in caller
    Map<String, TreeSet<String>> running = runningDesks();
    return ports.ports().stream().map(p -> view(p, running)).toList();
  }

  @GET
  @Path("{code}/requirements")
  @Operation(
      summary = "What the port requires of a submission",
      description =
          "The longest validity per pass type, the frequency limits in force and the attachments"
              + " the port's rule bundles require; texts in the Accept-Language (zh-TW or en).")
  public RequirementsView requirements(
      @Context HttpServletRequest request, @PathParam("code") String code) {
    Caller caller = callers.resolve(request);
    PortRequirements found = applications.requirements(caller, code);
    Locale locale = Languages.of(request);
    return new RequirementsView(
        found.port(),
        found.maxDays(),
        found.limits().stream()
            .map(
                l ->
                    new LimitView(
                        l.id(), l.max(), Messages.text(locale, "limit." + l.id(), l.max())))
            .toList(),
        found.attachments().stream()
            .map(
                a ->
                    new AttachmentView(
                        a.rule(),
                        a.requirement().subjectKind(),
                        a.requirement().passType(),
                        a.requirement().attachmentType(),
                        a.requirement().text().in(locale)))
            .toList());
  }

  private static PortView view(Port port, Map<String, TreeSet<String>> running) {
    TreeSet<String> desks = new TreeSet<>(port.desks());
    desks.addAll(running.getOrDefault(port.code(), new TreeSet<>()));
    Map<String, String> name = new LinkedHashMap<>();
    name.put("zh-TW", port.name().zhTw());
    name.put("en", port.name().en());
    return new PortView(port.code(), name, List.copyOf(desks));
  }

  /** The card desks running on this node, by port (their configuration's port and desk). */
  private Map<String, TreeSet<String>> runningDesks() {
    Map<String, TreeSet<String>> desks = new LinkedHashMap<>();
    ServiceReference<?>[] found;
    try {
      found = context.getAllServiceReferences(CARD_DESK, null);
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (ServiceReference<?> desk : found == null ? new ServiceReference<?>[0] : found) {
      Object port = desk.getProperty("port");
      Object name = desk.getProperty("desk");
      if (port != null && name != null) {
        desks
            .computeIfAbsent(PortCode.normalise(port.toString()), p -> new TreeSet<>())
            .add(name.toString().strip());
      }
    }
    return desks;
  }
}
