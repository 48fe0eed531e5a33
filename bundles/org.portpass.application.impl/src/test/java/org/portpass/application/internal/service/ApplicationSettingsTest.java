package org.portpass.application.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portpass.application.ApplicationLimits.Limit;

class ApplicationSettingsTest {
  private static final Set<String> PORTS = Set.of("KEL", "KHH");

  @Test
  void defaultsComeFromTheConfigurationDefinition() {
    ApplicationSettings settings = ApplicationSettings.of(Map.of());

    assertEquals(366, settings.maxLongTermDays());
    assertEquals(90, settings.maxTemporaryDays());
    assertEquals(50, settings.submissionsPerCompanyPerDay());
    assertEquals(4, settings.temporaryPerPerson("KEL"));
    List<Limit> limits = settings.limits(PORTS).limits();
    assertEquals(
        List.of(
            "maxLongTermDays",
            "maxTemporaryDays",
            "submissionsPerCompanyPerDay",
            "temporaryPassesPerPersonPer30Days",
            "companyViolationsForSuspension",
            "companyViolationWindowDays",
            "companySuspensionDays"),
        limits.stream().map(Limit::name).toList());
    assertEquals(3, settings.companyViolationsForSuspension());
    assertEquals(90, settings.companyViolationWindowDays());
    assertEquals(30, settings.companySuspensionDays());
    assertEquals(
        new Limit("maxLongTermDays", null, 366, "default", ApplicationConfig.MAX_LONG_TERM_DAYS),
        limits.get(0));
  }

  @Test
  void configuredValuesCountAndInvalidOnesAreIgnoredAndSaidSo() {
    ApplicationSettings settings =
        ApplicationSettings.of(
            Map.of(
                "maxTemporaryDays", "30",
                "submissionsPerCompanyPerDay", "lots",
                "temporaryPassesPerPersonPer30Days", 3));

    assertEquals(30, settings.maxTemporaryDays());
    assertEquals(50, settings.submissionsPerCompanyPerDay());
    assertEquals(3, settings.temporaryPerPerson("KHH"));
    List<Limit> limits = settings.limits(PORTS).limits();
    assertEquals("configured", limits.get(1).source());
    assertEquals("invalid 'lots' ignored, default", limits.get(2).source());
    assertEquals("configured", limits.get(3).source());
  }

  @Test
  void aPortMaySetItsOwnFrequencyLimit() {
    ApplicationSettings settings =
        ApplicationSettings.of(
            Map.of(
                "temporaryPassesPerPersonPer30Days", "3",
                "KEL.temporaryPassesPerPersonPer30Days", "2",
                "KHH.temporaryPassesPerPersonPer30Days", "two",
                "XYZ.temporaryPassesPerPersonPer30Days", "9"));

    assertEquals(2, settings.temporaryPerPerson("KEL"));
    assertEquals(3, settings.temporaryPerPerson("KHH"));
    List<Limit> perPort = settings.limits(PORTS).limits().subList(7, 10);
    assertEquals(
        List.of(
            new Limit(
                "temporaryPassesPerPersonPer30Days",
                "KEL",
                2,
                "configured for port",
                ApplicationConfig.TEMPORARY_PER_PERSON),
            new Limit(
                "temporaryPassesPerPersonPer30Days",
                "KHH",
                3,
                "invalid 'two' ignored, all-ports value",
                ApplicationConfig.TEMPORARY_PER_PERSON),
            new Limit(
                "temporaryPassesPerPersonPer30Days",
                "XYZ",
                9,
                "configured, no effect: XYZ is not a known port",
                ApplicationConfig.TEMPORARY_PER_PERSON)),
        perPort);
  }
}
