/**
 * Hash-based routes: `#/`, `#/calculators?kinesis.recordsPerSecond=3000`, `#/settings`. A hash works under
 * the desktop app's custom protocol and under `vite preview` alike, and any page with its inputs is a link.
 */

/** The pages the app has. */
export type PageId = 'agenda' | 'calculators' | 'streaming' | 'redshift' | 'settings' | 'lab';

/** Where the app is: a page plus the query parameters that page keeps in the URL. */
export interface Route {
  readonly page: PageId | 'not-found';
  /** The path as written in the hash, kept so a not-found page can say what was asked for. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Page paths, in navigation order. */
export const pagePaths: Readonly<Record<PageId, string>> = {
  agenda: '/',
  calculators: '/calculators',
  streaming: '/streaming',
  redshift: '/redshift',
  settings: '/settings',
  lab: '/lab',
};

/** Lab pages live under `/lab/<id>`; the id is kept in the route's `lab` parameter. */
const labPath = /^\/lab\/([a-z0-9-]+)$/;

/** Parses `location.hash` (with or without the leading `#`) into a route. */
export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = raw.indexOf('?');
  const pathPart = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const path = pathPart === '' ? '/' : pathPart.replace(/\/+$/, '') || '/';
  const params: Record<string, string> = {};
  if (queryAt !== -1) {
    for (const [key, value] of new URLSearchParams(raw.slice(queryAt + 1))) params[key] = value;
  }
  const lab = labPath.exec(path);
  if (lab) return { page: 'lab', path, params: { ...params, lab: lab[1]! } };
  const page = (Object.keys(pagePaths) as PageId[]).find((id) => id !== 'lab' && pagePaths[id] === path);
  return { page: page ?? 'not-found', path, params };
}

/** The hash (with `#`) for a page and its parameters; parameters are written in sorted order. */
export function formatHash(page: PageId, params: Readonly<Record<string, string>> = {}): string {
  if (page === 'lab') {
    const { lab = '', ...rest } = params;
    const labQuery = new URLSearchParams(
      Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)),
    ).toString();
    return `#/lab/${lab}${labQuery === '' ? '' : `?${labQuery}`}`;
  }
  const query = new URLSearchParams(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))).toString();
  return `#${pagePaths[page]}${query === '' ? '' : `?${query}`}`;
}

/**
 * The header link's `aria-current` on `shown`: `page` on its own page, `true` on the Agenda link while a lab
 * is shown (every lab is reached from the agenda, so that is where the learner is), nothing otherwise.
 */
export function currentFor(shown: Route['page'], link: PageId): 'page' | 'true' | undefined {
  if (shown === link) return 'page';
  if (shown === 'lab' && link === 'agenda') return 'true';
  return undefined;
}
