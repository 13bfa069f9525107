import { formatHash, parseHash, type PageId, type Route } from './routes';

/**
 * The current route as rune state, following `hashchange`. Page changes push a history entry (Back works);
 * parameter changes on the same page replace it, so typing in a calculator does not flood the history.
 */
export class Router {
  route: Route = $state(parseHash(''));
  readonly #window: Window;

  constructor(win: Window) {
    this.#window = win;
    this.route = parseHash(win.location.hash);
    win.addEventListener('hashchange', () => {
      this.route = parseHash(win.location.hash);
    });
  }

  /** The link target for a page, for `href`. */
  href(page: PageId, params: Readonly<Record<string, string>> = {}): string {
    return formatHash(page, params);
  }

  /**
   * Replaces a page's parameters without adding a history entry. Ignored unless `page` is the current page,
   * so a page that is closing cannot write its parameters onto the next one.
   */
  replaceParams(page: PageId, params: Readonly<Record<string, string>>): void {
    if (this.route.page !== page) return;
    const hash = formatHash(page, params);
    if (hash === this.#window.location.hash) return;
    this.#window.history.replaceState(this.#window.history.state, '', hash);
    this.route = parseHash(hash);
  }
}
