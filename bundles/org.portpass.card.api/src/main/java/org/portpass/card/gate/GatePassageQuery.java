package org.portpass.card.gate;

import java.time.Instant;

/** Gate passage search; {@code null} criteria are ignored; {@code to} is exclusive. */
public record GatePassageQuery(String port, String passNumber, Instant from, Instant to) {}
