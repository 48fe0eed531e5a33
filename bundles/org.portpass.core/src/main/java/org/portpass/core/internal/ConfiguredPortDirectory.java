package org.portpass.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.portpass.core.LocalizedText;
import org.portpass.core.Port;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;

/**
 * The port directory from configuration {@code org.portpass.ports}:
 *
 * <pre>
 * ports = KEL,KHH              # the codes (default: the nine ports of the port authority)
 * KEL.name.zh-TW = 基隆港      # names (defaults for the nine ports; the code otherwise)
 * KEL.name.en = Port of Keelung
 * KEL.desks = desk-1,desk-2    # pickup desks (default: none)
 * </pre>
 */
@Component(configurationPid = PortDirectory.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ConfiguredPortDirectory implements PortDirectory {
  /** The ports of the port authority with their names; used unless {@code ports} is configured. */
  static final Map<String, LocalizedText> DEFAULTS = defaults();

  private volatile Map<String, Port> ports = Map.of();

  @Activate
  @Modified
  void configure(Map<String, Object> properties) {
    ports = Collections.unmodifiableMap(read(properties));
  }

  @Override
  public List<Port> ports() {
    return List.copyOf(ports.values());
  }

  @Override
  public Optional<Port> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(ports.get(normalise(code)));
  }

  @Override
  public Set<String> codes() {
    return Collections.unmodifiableSet(ports.keySet());
  }

  static Map<String, Port> read(Map<String, Object> properties) {
    List<String> codes =
        list(properties.get("ports")).stream()
            .map(ConfiguredPortDirectory::normalise)
            .distinct()
            .toList();
    if (codes.isEmpty()) {
      codes = List.copyOf(DEFAULTS.keySet());
    }
    Map<String, Port> result = new TreeMap<>();
    for (String code : codes) {
      LocalizedText fallback = DEFAULTS.getOrDefault(code, new LocalizedText(code, code));
      String zh = text(properties.get(code + ".name.zh-TW"), fallback.zhTw());
      String en = text(properties.get(code + ".name.en"), fallback.en());
      List<String> desks = list(properties.get(code + ".desks"));
      result.put(code, new Port(code, new LocalizedText(zh, en), desks));
    }
    return result;
  }

  /** A list property given as an array, a collection or comma-separated text. */
  private static List<String> list(Object value) {
    List<String> raw = new ArrayList<>();
    if (value instanceof String[] array) {
      raw.addAll(Arrays.asList(array));
    } else if (value instanceof Iterable<?> values) {
      values.forEach(v -> raw.add(String.valueOf(v)));
    } else if (value != null) {
      raw.addAll(Arrays.asList(value.toString().split(",")));
    }
    return raw.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static String normalise(String code) {
    return PortCode.normalise(code);
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
  }

  private static Map<String, LocalizedText> defaults() {
    Map<String, LocalizedText> names = new LinkedHashMap<>();
    names.put("KEL", new LocalizedText("基隆港", "Port of Keelung"));
    names.put("TPE", new LocalizedText("臺北港", "Port of Taipei"));
    names.put("SUO", new LocalizedText("蘇澳港", "Port of Su-ao"));
    names.put("TXG", new LocalizedText("臺中港", "Port of Taichung"));
    names.put("KHH", new LocalizedText("高雄港", "Port of Kaohsiung"));
    names.put("ANP", new LocalizedText("安平港", "Port of Anping"));
    names.put("HUN", new LocalizedText("花蓮港", "Port of Hualien"));
    names.put("BUD", new LocalizedText("布袋港", "Port of Budai"));
    names.put("MZG", new LocalizedText("馬公港", "Port of Magong"));
    return Collections.unmodifiableMap(names);
  }
}
