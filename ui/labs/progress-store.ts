import type { PersistedDocument } from '../../sim/persist';
import type { LabProgressSink } from './lab-session.svelte';

/** What the progress screens need from the document store. */
export interface ProgressDocumentStore extends LabProgressSink {
  /** The whole document, for the JSON export. */
  readonly document: PersistedDocument;
  /** Sets the progress of the labs given (others are kept); callers confirm with the learner first. */
  importLabProgress(labs: Readonly<Record<string, unknown>>): void;
  /** Clears every lab's progress; callers confirm with the learner first. */
  clearLabProgress(): void;
  /** Saves the learner's name that exports for handing in carry. */
  setLearnerName(name: string): void;
}
