package org.portpass.carddesk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;
import org.portpass.card.CardConflicts;
import org.portpass.card.CardDesk;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardJobs;
import org.portpass.card.CardStep;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.PortCode;
import org.portpass.core.Role;
import org.portpass.device.CardDevice;
import org.portpass.device.CardPrinter;
import org.portpass.device.DeviceException;
import org.portpass.device.DeviceStatus;
import org.portpass.device.Fault;
import org.portpass.device.QrScanner;
import org.portpass.device.RfidEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one desk: takes its port's card jobs from {@link CardJobs} (in the server, or the server's
 * REST API on a desk node) and runs each step on the devices registered for the desk at that
 * moment, so a driver bundle swapped between two steps is simply used from the next step on.
 */
@Component(configurationPid = DeskRunner.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DeskRunner.Config.class, factory = true)
public class DeskRunner implements CardDesk {
  static final String PID = "org.portpass.carddesk";
  private static final Logger LOG = LoggerFactory.getLogger(DeskRunner.class);
  private static final List<Class<? extends CardDevice>> KINDS =
      List.of(CardPrinter.class, QrScanner.class, RfidEncoder.class);

  @ObjectClassDefinition(name = "PortPass card desk", description = "One card desk of a port")
  public @interface Config {
    @AttributeDefinition(description = "Port code, e.g. KEL")
    String port();

    @AttributeDefinition(description = "Desk name within the port, e.g. desk-1")
    String desk();

    @AttributeDefinition(description = "Run queued jobs without an operator asking")
    boolean autoRun() default false;

    @AttributeDefinition(description = "Seconds between looks at the queue when running alone")
    int pollSeconds() default 5;
  }

  private final BundleContext context;
  private final CardJobs jobs;
  private final Config config;
  private final String port;
  private final Caller caller;
  private final ScheduledExecutorService auto;

  /** Trackers follow drivers coming and going, so each step uses whatever is registered now. */
  private final Map<Class<?>, ServiceTracker<?, ?>> devices = new HashMap<>();

  @Activate
  public DeskRunner(
      BundleContext context,
      // a desk node's configuration may pick its source with jobs.target, e.g. (remote=true)
      @Reference(name = "jobs") CardJobs jobs,
      Config config) {
    this.context = context;
    this.jobs = jobs;
    this.config = config;
    this.port = PortCode.normalise(config.port());
    this.caller =
        new Caller(
            "desk:" + port + "/" + config.desk(),
            Set.of(Role.CARD_DESK),
            null,
            Set.of(port),
            "local",
            null);
    for (Class<? extends CardDevice> kind : KINDS) {
      devices.put(kind, track(kind));
    }
    this.auto = config.autoRun() ? Executors.newSingleThreadScheduledExecutor() : null;
    if (auto != null) {
      auto.scheduleWithFixedDelay(
          this::runWhileWork,
          config.pollSeconds(),
          Math.max(1, config.pollSeconds()),
          TimeUnit.SECONDS);
    }
  }

  @Deactivate
  void deactivate() {
    if (auto != null) {
      auto.shutdownNow();
    }
    devices.values().forEach(ServiceTracker::close);
  }

  @Override
  public String port() {
    return port;
  }

  @Override
  public String desk() {
    return config.desk();
  }

  @Override
  public DeskStatus status() {
    List<DeviceState> devices = new ArrayList<>();
    devices.add(state("printer", device(CardPrinter.class)));
    devices.add(state("scanner", device(QrScanner.class)));
    devices.add(state("encoder", device(RfidEncoder.class)));
    return new DeskStatus(port(), desk(), config.autoRun(), devices);
  }

  @Override
  public synchronized CardJob runNext() {
    List<CardJob> next = jobs.next(caller, port(), desk(), 1);
    return next.isEmpty() ? null : run(next.get(0));
  }

  private void runWhileWork() {
    try {
      CardJob job;
      do {
        job = runNext();
      } while (job != null && job.status() == CardJobStatus.DONE);
    } catch (RuntimeException e) {
      LOG.warn("Desk {}/{} stopped on an error; trying again shortly", port(), desk(), e);
    }
  }

  /** Runs the job's steps until the card is made or a step fails. */
  private CardJob run(CardJob job) {
    CardJob current = job;
    while (true) {
      CardStep step =
          current.activeStep() != null
              ? current.activeStep()
              : current.status().nextStep().orElse(null);
      if (step == null) {
        return current;
      }
      requireDevice(step);
      StepOrder order = jobs.begin(caller, current.id(), desk());
      current = jobs.report(caller, current.id(), order.attemptId(), perform(order));
      if (current.status() == CardJobStatus.FAILED) {
        LOG.warn("Card job {} failed: {}", current.id(), current.lastError());
        return current;
      }
    }
  }

  /** Runs one step on the device; device faults become a failed report, never an exception. */
  private StepReport perform(StepOrder order) {
    CardDevice device = requireDevice(order.step());
    try {
      return switch (order.step()) {
        case PRINT -> {
          ((CardPrinter) device).print(order.cardSerial(), order.cardFace());
          yield new StepReport(true, device.name(), null, null, null, null, null);
        }
        case VERIFY ->
            new StepReport(
                true, device.name(), null, null, ((QrScanner) device).scan(), null, null);
        case ENCODE -> {
          RfidEncoder encoder = (RfidEncoder) device;
          encoder.write(order.chipData());
          RfidEncoder.ChipRead read = encoder.read();
          yield new StepReport(true, device.name(), null, null, null, read.uid(), read.data());
        }
      };
    } catch (DeviceException e) {
      return StepReport.failed(device.name(), e.fault().name(), e.getMessage());
    } catch (RuntimeException e) {
      // a driver bug must not leave the step open: it is reported like any device error
      return StepReport.failed(
          device.name(), Fault.DEVICE_ERROR.name(), String.valueOf(e.getMessage()));
    }
  }

  private CardDevice requireDevice(CardStep step) {
    Class<? extends CardDevice> kind =
        switch (step) {
          case PRINT -> CardPrinter.class;
          case VERIFY -> QrScanner.class;
          case ENCODE -> RfidEncoder.class;
        };
    CardDevice device = device(kind);
    if (device == null) {
      throw new ConflictException(
          CardConflicts.DEVICE_MISSING,
          "desk",
          "desk " + port() + "/" + desk() + " has no " + kind.getSimpleName() + " for " + step,
          "device-missing",
          port() + "/" + desk(),
          kind.getSimpleName(),
          step);
    }
    return device;
  }

  /** The desk's device of a kind registered now (the highest ranking), or null. */
  private <D extends CardDevice> D device(Class<D> kind) {
    return kind.cast(devices.get(kind).getService());
  }

  private ServiceTracker<?, ?> track(Class<? extends CardDevice> kind) {
    String filter =
        "(&(objectClass="
            + kind.getName()
            + ")("
            + CardDevice.PORT
            + "="
            + port()
            + ")("
            + CardDevice.DESK
            + "="
            + desk()
            + "))";
    try {
      ServiceTracker<?, ?> tracker =
          new ServiceTracker<>(context, context.createFilter(filter), null);
      tracker.open();
      return tracker;
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException("the desk name makes an invalid filter: " + desk(), e);
    }
  }

  private static DeviceState state(String kind, CardDevice device) {
    if (device == null) {
      return new DeviceState(kind, null, false, "no driver registered");
    }
    DeviceStatus status = device.status();
    return new DeviceState(kind, device.name(), status.online(), status.detail());
  }
}
