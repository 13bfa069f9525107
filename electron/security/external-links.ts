import { fail, ok, type Result, type SimError } from '../../sim/core/index.ts';

/**
 * Where the app may send the learner's browser: AWS's own documentation and pricing pages, and the public
 * repositories the app's facts are sourced from. Each entry is an https origin plus a path prefix.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly { readonly host: string; readonly pathPrefix: string }[] = [
  { host: 'aws.amazon.com', pathPrefix: '/' },
  { host: 'docs.aws.amazon.com', pathPrefix: '/' },
  { host: 'calculator.aws', pathPrefix: '/' },
  { host: 'github.com', pathPrefix: '/awsdocs/' },
  { host: 'github.com', pathPrefix: '/awslabs/' },
  { host: 'github.com', pathPrefix: '/boto/botocore/' },
];

/** Longest URL accepted for opening in the system browser. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

const refuse = (message: string): Result<never, SimError> => fail({ code: 'ExternalLinkRefused', message });

/**
 * Checks a URL the renderer asks to open in the system browser. Accepts only `https:` URLs on the
 * allow-list, on the default port, without credentials; returns the normalized URL to hand to the OS.
 */
export function checkExternalUrl(url: unknown): Result<string, SimError> {
  if (typeof url !== 'string') return refuse('The link must be a string.');
  if (url.length > MAX_EXTERNAL_URL_LENGTH)
    return refuse(`The link is longer than ${MAX_EXTERNAL_URL_LENGTH} characters.`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(`"${url.slice(0, 80)}" is not a URL.`);
  }
  if (parsed.protocol !== 'https:')
    return refuse(`Only https links open outside the app, not ${parsed.protocol} links.`);
  if (parsed.username !== '' || parsed.password !== '')
    return refuse('Links with a user name or password are refused.');
  if (parsed.port !== '') return refuse('Links to a non-standard port are refused.');
  const allowed = EXTERNAL_LINK_ALLOW_LIST.some(
    (entry) => parsed.hostname === entry.host && parsed.pathname.startsWith(entry.pathPrefix),
  );
  if (!allowed) {
    const hosts = [...new Set(EXTERNAL_LINK_ALLOW_LIST.map((entry) => entry.host))].join(', ');
    return refuse(`${parsed.hostname} is not on the list of sites the app opens (${hosts}).`);
  }
  return ok(parsed.href);
}
