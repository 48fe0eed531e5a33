package org.portpass.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portpass.core.ConflictException;

class CardJobFlowTest {
  private static final CardJobFlow QUEUED = CardJobFlow.queued();
  private static final CardJobFlow PRINTED = QUEUED.succeed(CardStep.PRINT);
  private static final CardJobFlow VERIFIED = PRINTED.succeed(CardStep.VERIFY);
  private static final CardJobFlow DONE = VERIFIED.succeed(CardStep.ENCODE);

  @Test
  void theStepsRunInOrder() {
    assertEquals(CardStep.PRINT, QUEUED.requireStep());
    assertEquals(CardJobStatus.PRINTED, PRINTED.status());
    assertEquals(CardStep.VERIFY, PRINTED.requireStep());
    assertEquals(CardJobStatus.VERIFIED, VERIFIED.status());
    assertEquals(CardStep.ENCODE, VERIFIED.requireStep());
    assertEquals(CardJobStatus.DONE, DONE.status());
    assertNull(DONE.failedStep());
  }

  @Test
  void aStepOutOfOrderIsRefused() {
    assertEquals("job-step", code(() -> QUEUED.succeed(CardStep.VERIFY)));
    assertEquals("job-step", code(() -> QUEUED.fail(CardStep.ENCODE, false)));
    assertEquals("job-step", code(() -> PRINTED.succeed(CardStep.PRINT)));
    assertEquals("job-step", code(() -> VERIFIED.succeed(CardStep.VERIFY)));
    assertEquals("job-status", code(() -> DONE.succeed(CardStep.ENCODE)));
    assertEquals("job-status", code(DONE::requireStep));
  }

  @Test
  void aFailedPrintNeedsANewPrint() {
    CardJobFlow failed = QUEUED.fail(CardStep.PRINT, true);
    assertEquals(CardJobStatus.FAILED, failed.status());
    assertEquals(CardStep.PRINT, failed.failedStep());
    assertTrue(
        code(failed::requireStep).equals("job-status"), "a failed job waits for the operator");
    assertEquals(QUEUED, failed.retry());
  }

  @Test
  void aWrongReadLosesTheCardAndOtherVerifyFailuresKeepIt() {
    CardJobFlow misread = PRINTED.fail(CardStep.VERIFY, true);
    assertEquals(CardStep.PRINT, misread.failedStep());
    assertEquals(QUEUED, misread.retry());
    CardJobFlow scannerGone = PRINTED.fail(CardStep.VERIFY, false);
    assertEquals(CardStep.VERIFY, scannerGone.failedStep());
    assertEquals(PRINTED, scannerGone.retry());
  }

  @Test
  void anEncodeFailureRetriesTheEncode() {
    CardJobFlow failed = VERIFIED.fail(CardStep.ENCODE, false);
    assertEquals(CardStep.ENCODE, failed.failedStep());
    assertEquals(VERIFIED, failed.retry());
  }

  @Test
  void onlyAFailedJobIsRetried() {
    for (CardJobFlow flow : new CardJobFlow[] {QUEUED, PRINTED, VERIFIED, DONE}) {
      assertEquals("job-status", code(flow::retry));
    }
  }

  @Test
  void voidingTheCardQueuesANewPrintUntilTheCardIsDone() {
    assertEquals(QUEUED, PRINTED.voidCard());
    assertEquals(QUEUED, VERIFIED.voidCard());
    assertEquals(QUEUED, VERIFIED.fail(CardStep.ENCODE, false).voidCard());
    assertEquals("job-status", code(DONE::voidCard));
    assertEquals("job-status", code(() -> QUEUED.cancel().voidCard()));
  }

  @ParameterizedTest
  @EnumSource(
      value = CardJobStatus.class,
      names = {"QUEUED", "PRINTED", "VERIFIED", "FAILED"})
  void anUnfinishedJobIsCancelledWhenThePassIsRevoked(CardJobStatus status) {
    CardJobFlow flow =
        new CardJobFlow(status, status == CardJobStatus.FAILED ? CardStep.ENCODE : null);
    assertEquals(CardJobStatus.CANCELLED, flow.cancel().status());
  }

  @Test
  void aFinishedJobCannotBeCancelled() {
    assertEquals("job-status", code(DONE::cancel));
    assertEquals("job-status", code(() -> QUEUED.cancel().cancel()));
  }

  private static String code(Runnable transition) {
    return assertThrows(ConflictException.class, transition::run).code();
  }
}
