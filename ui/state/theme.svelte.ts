import type { ThemePreference } from '../../sim/persist';

/** The theme actually drawn: the learner's choice, with `system` resolved from the operating system. */
export type ResolvedTheme = 'light' | 'dark';

/**
 * Follows the operating system's colour-scheme preference so the `system` choice can be resolved, and
 * updates live when the learner switches their OS between light and dark.
 */
export class SystemColorScheme {
  prefersDark = $state(false);

  constructor(win: Window) {
    const query = win.matchMedia('(prefers-color-scheme: dark)');
    this.prefersDark = query.matches;
    query.addEventListener('change', (event) => {
      this.prefersDark = event.matches;
    });
  }
}

/** Resolves a preference against the system scheme. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/** Applies a theme to the page: the CSS custom properties key off `data-theme` on `<html>`. */
export function applyTheme(root: HTMLElement, theme: ResolvedTheme): void {
  root.dataset.theme = theme;
}
