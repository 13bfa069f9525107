import { describe, expect, it } from 'vitest';
import { checkExternalUrl, EXTERNAL_LINK_ALLOW_LIST } from '../../electron/security/external-links.ts';

describe('checkExternalUrl', () => {
  it.each([
    ['https://aws.amazon.com/kinesis/pricing/', 'https://aws.amazon.com/kinesis/pricing/'],
    [
      'https://docs.aws.amazon.com/firehose/latest/dev/limits.html',
      'https://docs.aws.amazon.com/firehose/latest/dev/limits.html',
    ],
    ['HTTPS://DOCS.AWS.AMAZON.COM/a b', 'https://docs.aws.amazon.com/a%20b'],
    [
      'https://github.com/awsdocs/amazon-kinesis-data-streams-developer-guide',
      'https://github.com/awsdocs/amazon-kinesis-data-streams-developer-guide',
    ],
    [
      'https://github.com/boto/botocore/blob/develop/botocore/data/kinesis/2013-12-02/service-2.json',
      'https://github.com/boto/botocore/blob/develop/botocore/data/kinesis/2013-12-02/service-2.json',
    ],
  ])('allows %s', (url, normalized) => {
    expect(checkExternalUrl(url)).toEqual({ ok: true, value: normalized });
  });

  it.each([
    ['http://aws.amazon.com/', 'Only https'],
    ['javascript:alert(1)', 'Only https'],
    ['data:text/html,<script>alert(1)</script>', 'Only https'],
    ['file:///etc/passwd', 'Only https'],
    ['bdlab://app/index.html', 'Only https'],
    ['https://user:secret@docs.aws.amazon.com/', 'user name or password'],
    ['https://docs.aws.amazon.com:8443/', 'non-standard port'],
    ['https://docs.aws.amazon.com.evil.example/', 'is not on the list'],
    ['https://evilaws.amazon.com/', 'is not on the list'],
    ['https://github.com/someone/awsdocs/', 'is not on the list'],
    ['https://example.com/', 'is not on the list'],
    ['not a url', 'is not a URL'],
    [`https://aws.amazon.com/${'a'.repeat(2100)}`, 'longer than 2048'],
  ])('refuses %s', (url, reason) => {
    const result = checkExternalUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(reason);
  });

  it('refuses non-strings', () => {
    expect(checkExternalUrl({ href: 'https://aws.amazon.com/' }).ok).toBe(false);
    expect(checkExternalUrl(undefined).ok).toBe(false);
  });

  it('lists only https-able host names with absolute path prefixes', () => {
    for (const entry of EXTERNAL_LINK_ALLOW_LIST) {
      expect(entry.host).toMatch(/^[a-z0-9.-]+$/);
      expect(entry.pathPrefix.startsWith('/')).toBe(true);
    }
  });
});
