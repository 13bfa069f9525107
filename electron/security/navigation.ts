import { checkExternalUrl } from './external-links.ts';

/** What to do when a page tries to navigate or open a window: always stay put, maybe hand the URL to the OS. */
export interface NavigationDecision {
  /** Whether the app's own window may follow the navigation. Always false: the app is one page. */
  readonly allowInApp: false;
  /** The normalized URL to open in the system browser, when it is on the external-link allow-list. */
  readonly openExternally?: string;
}

/**
 * Decides a `will-navigate`, `will-redirect` or `window.open` request. The app is a single page whose routes
 * change only the fragment (which fires none of these events), so every navigation is denied; allow-listed
 * https links (a documentation link with `target="_blank"`, say) go to the system browser instead.
 */
export function decideNavigation(url: string): NavigationDecision {
  const external = checkExternalUrl(url);
  return external.ok ? { allowInApp: false, openExternally: external.value } : { allowInApp: false };
}

/** The `setWindowOpenHandler` answer: never a new Electron window. */
export const WINDOW_OPEN_RESPONSE = { action: 'deny' } as const;
