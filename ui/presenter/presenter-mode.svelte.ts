/**
 * Presenter mode for an instructor on a projector: a larger type scale, and hints and solutions kept off
 * the shared screen until the presenter chooses to reveal them. Lives for the app's run (not saved), so a
 * learner's machine never starts in it by accident.
 */
export class PresenterMode {
  /** True while the app is shown on a projector. */
  enabled = $state(false);
  /** True once the presenter revealed hints and the solution button on screen; cleared on every change of step. */
  revealed = $state(false);

  /** A jump the presenter asked for; the lab page with that id carries it out and clears it. */
  jump: { readonly labId: string; readonly stepIndex: number | 'intro' } | null = $state(null);

  toggle(): void {
    this.enabled = !this.enabled;
    this.revealed = false;
  }

  reveal(): void {
    this.revealed = true;
  }

  conceal(): void {
    this.revealed = false;
  }

  /** Asks the player to put `labId` at the intro or at the start of a step. */
  requestJump(labId: string, stepIndex: number | 'intro'): void {
    this.jump = { labId, stepIndex };
  }

  /** Marks the root element so the stylesheet switches to the projector type scale. */
  applyTo(root: HTMLElement): void {
    root.toggleAttribute('data-presenter', this.enabled);
  }

  /** True when hints and the solution may be shown: always for learners, on reveal in presenter mode. */
  get showsAnswers(): boolean {
    return !this.enabled || this.revealed;
  }
}
