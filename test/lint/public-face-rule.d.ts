import type { Rule } from 'eslint';

/** The ESLint rule that sends imports of a sim/ folder through its index.ts (see public-face-rule.js). */
export function publicFaceRule(projectRoot: string): Rule.RuleModule;
