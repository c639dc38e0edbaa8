/**
 * Reasons to think twice before opening a scanned URL. QR codes on shelves get stickered over;
 * these are the tricks such stickers use. An empty list means nothing suspicious was seen, not
 * that the site is safe.
 */
export function urlWarnings(raw: string): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return ['This is not a valid web address.'];
  }
  const warnings: string[] = [];
  if (url.protocol !== 'https:')
    warnings.push(`It is not encrypted (${url.protocol.replace(':', '')}, not https).`);
  if (url.username || url.password)
    warnings.push(
      `The part before “@” (${decodeURIComponent(url.username)}) is not the site: it goes to ${url.hostname}.`,
    );
  // URL() gives the host in punycode: xn-- labels are non-Latin or mixed-script names, the usual
  // way to imitate a known brand (аpple.com with a Cyrillic а).
  if (url.hostname.split('.').some((label) => label.startsWith('xn--')))
    warnings.push(`The address uses look-alike letters (${url.hostname}).`);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) || url.hostname.startsWith('['))
    warnings.push('It goes to a bare IP address, not a named site.');
  return warnings;
}

/** Whether text is an http(s) URL worth resolving and offering to open. */
export const isWebUrl = (text: string) => /^https?:\/\//i.test(text.trim());
