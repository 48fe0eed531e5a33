package org.portpass.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Event Admin that keeps every event posted or sent, in order, and delivers none: a test asserts
 * what a service announced, and hands it to a handler itself when it wants the reaction.
 */
public final class RecordingEventAdmin implements EventAdmin {
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void postEvent(Event event) {
    events.add(event);
  }

  @Override
  public void sendEvent(Event event) {
    events.add(event);
  }

  /** Every event so far, oldest first. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The events of one topic, oldest first. */
  public List<Event> events(String topic) {
    return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
  }
}
