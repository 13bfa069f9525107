import type { Page } from '@playwright/test';
import { findLab } from '../../../labs';
import { createDefaultDocument } from '../../../sim/persist';

/**
 * Puts labs in a known state by writing the saved document the app reads at start-up, the way a learner
 * coming back to the app would find it: each lab at a step, earlier steps done with their scripted
 * solutions, plus some of the current step's solution applied. For screenshots and checks that need a lab
 * mid-way without clicking through it first.
 */
export async function seedProgress(
  page: Page,
  labs: readonly {
    labId: string;
    stepIndex: number;
    partial?: number;
    hints?: number;
    completed?: boolean;
  }[],
): Promise<void> {
  const progress: Record<string, unknown> = {};
  for (const { labId, stepIndex: requested, partial = 0, hints = 0, completed = false } of labs) {
    const lab = findLab(labId);
    if (!lab) throw new Error(`No lab ${labId}`);
    // A completed lab has every step solved: the last step's whole solution applied.
    const stepIndex = completed ? lab.steps.length - 1 : requested;
    const applied = completed ? Number.POSITIVE_INFINITY : partial;
    let workspace: unknown = lab.initialWorkspace;
    const actionsByStep = lab.steps.map((step, index) => {
      const actions =
        index < stepIndex ? step.solution : index === stepIndex ? step.solution.slice(0, applied) : [];
      for (const action of actions) {
        const next = lab.reduce(workspace, action);
        if (!next.ok) throw new Error(next.error.message);
        workspace = next.value;
      }
      return actions;
    });
    const start = Date.UTC(2026, 10, 26, 12, 40);
    progress[labId] = {
      format: 'bdlab-lab-progress',
      version: 1,
      labId,
      phase: completed ? 'completed' : 'working',
      stepIndex,
      actionsByStep,
      hintsUsed: lab.steps.map((step, index) =>
        index === stepIndex ? Math.min(hints, step.hints.length) : 0,
      ),
      assistedSteps: completed ? [stepIndex] : [],
      startedAt: start,
      completedAt: completed ? start + lab.steps.length * 300_000 : null,
      stepStartedAt: lab.steps.map((_, index) => (index <= stepIndex ? start + index * 300_000 : null)),
      stepCompletedAt: lab.steps.map((_, index) =>
        index < stepIndex || completed ? start + (index + 1) * 300_000 - 1 : null,
      ),
      workspace,
    };
  }
  const document = { ...createDefaultDocument(), progress: { labs: progress } };
  await page.goto('./');
  await page.evaluate((doc) => window.localStorage.setItem('bdlab.document', JSON.stringify(doc)), document);
  // Leave the page so the next open loads the app afresh and reads the seeded document.
  await page.goto('about:blank');
}
