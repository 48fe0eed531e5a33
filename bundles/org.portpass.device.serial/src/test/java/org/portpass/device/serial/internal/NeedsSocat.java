package org.portpass.device.serial.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that plug devices in through {@link PtyPair}: skips them when socat is missing,
 * or fails them when the build requires the serial tests ({@code -Dportpass.serial=required}, as CI
 * does).
 */
final class NeedsSocat implements ExecutionCondition, BeforeAllCallback {
  private static final boolean INSTALLED = socatAnswers();
  private static final String MISSING =
      "socat is not installed (Debian package socat): the serial tests against the simulated"
          + " devices cannot run";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (INSTALLED || required()) {
      return ConditionEvaluationResult.enabled("socat is installed or required");
    }
    System.err.println("[WARNING] " + MISSING + "; skipped " + context.getDisplayName());
    return ConditionEvaluationResult.disabled(MISSING + "; skipped");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!INSTALLED) {
      fail(MISSING + ", and -Dportpass.serial=required asks for them");
    }
  }

  private static boolean required() {
    return "required".equals(System.getProperty("portpass.serial"));
  }

  private static boolean socatAnswers() {
    try {
      Process version = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
      version.getInputStream().transferTo(OutputStream.nullOutputStream());
      return version.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
