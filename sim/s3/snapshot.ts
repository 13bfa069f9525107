import { bytesReplacer, bytesReviver } from '../core/index.ts';
import type { S3State } from './state.ts';

export { bytesReplacer, bytesReviver, type SavedBytes } from '../core/index.ts';

/** Saves an S3 state as JSON text, bodies in base64. */
export function s3StateToJson(state: S3State): string {
  return JSON.stringify(state, bytesReplacer);
}

/** Reads an S3 state saved by {@link s3StateToJson}. */
export function s3StateFromJson(text: string): S3State {
  return JSON.parse(text, bytesReviver) as S3State;
}
