package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.portpass.application.PassType;
import org.portpass.application.internal.service.Submissions.Draft;
import org.portpass.application.internal.service.Submissions.DraftLine;
import org.portpass.core.FieldError;

/** The checks of a form's own content: its shape, and each line's dates against the limits. */
final class DraftChecks {
  private DraftChecks() {}

  static void checkForm(Draft form, List<FieldError> errors) {
    if (form.passType() == null) {
      errors.add(FieldError.of("passType", "choose-pass-type", "choose LONG_TERM or TEMPORARY"));
    }
    if (form.ports().isEmpty()) {
      errors.add(
          FieldError.of(
              "accessPorts",
              "choose-access-port",
              "choose at least one port the pass gives access to"));
    }
    if (form.pickupPort() == null) {
      errors.add(
          FieldError.of(
              "pickupPort", "choose-pickup-port", "choose the port where the cards are picked up"));
    } else if (!form.ports().contains(form.pickupPort())) {
      errors.add(
          FieldError.of(
              "pickupPort",
              "pickup-in-access-ports",
              "the pickup port must be one of the access ports " + form.ports(),
              form.ports()));
    }
    if (form.lines().isEmpty()) {
      errors.add(FieldError.of("lines", "add-subject", "add at least one person or vehicle"));
    } else if (form.passType() == PassType.TEMPORARY
        && form.lines().size() < PassType.MIN_TEMPORARY_LINES) {
      errors.add(
          FieldError.of(
              "lines",
              "min-temporary-lines",
              "a temporary-pass form holds at least " + PassType.MIN_TEMPORARY_LINES + " lines",
              PassType.MIN_TEMPORARY_LINES));
    }
  }

  static void checkDates(
      String at,
      PassType type,
      DraftLine line,
      ApplicationSettings settings,
      LocalDate today,
      List<FieldError> errors) {
    if (line.validFrom() == null || line.validTo() == null) {
      errors.add(
          FieldError.of(at + "validFrom", "give-dates", "give the pass's start and end dates"));
      return;
    }
    if (line.validTo().isBefore(line.validFrom())) {
      errors.add(
          FieldError.of(
              at + "validTo", "end-before-start", "the end date is before the start date"));
    }
    if (line.validFrom().isBefore(today)) {
      errors.add(FieldError.of(at + "validFrom", "start-passed", "the start date has passed"));
    }
    int max = type == PassType.TEMPORARY ? settings.maxTemporaryDays() : settings.maxLongTermDays();
    if (ChronoUnit.DAYS.between(line.validFrom(), line.validTo()) + 1 > max) {
      errors.add(
          FieldError.of(
              at + "validTo",
              "max-days",
              "a "
                  + (type == null ? "" : type.name().toLowerCase().replace('_', '-') + " ")
                  + "pass lasts at most "
                  + max
                  + " days: until "
                  + line.validFrom().plusDays(max - 1),
              type == null ? "" : type,
              String.valueOf(max),
              String.valueOf(line.validFrom().plusDays(max - 1))));
    }
  }
}
