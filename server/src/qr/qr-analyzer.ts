import {
  isHttpUrl,
  parseDigitalLink,
  type QrAnalysis,
  type ResolverType,
  type ResolveUrlResponse,
} from '#contract';
import { followRedirects, type RedirectResult } from './follow-redirects';

const SHORTENERS = new Set([
  'bit.ly',
  't.co',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'qrco.de',
]);

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

function resolverType(result: RedirectResult): ResolverType {
  const initialHost = hostOf(result.initialUrl);
  const finalHost = hostOf(result.finalUrl);
  if (finalHost === 'closient.com' || finalHost.endsWith('.closient.com')) return 'CLOSIENT';
  if (parseDigitalLink(result.finalUrl).gtin || parseDigitalLink(result.initialUrl).gtin)
    return 'GS1_DL';
  if (SHORTENERS.has(initialHost)) return 'URL_SHORTENER';
  if (result.error === '' && result.redirects === 0) return 'DIRECT';
  return 'UNKNOWN';
}

/** Follows a scanned URL and describes where it leads (the capture's `qr_analysis`). */
export async function analyzeUrl(url: string, allowPrivate: boolean): Promise<QrAnalysis> {
  const result = await followRedirects(url, allowPrivate);
  const type = resolverType(result);
  return {
    initial_url: result.initialUrl,
    final_url: result.finalUrl,
    hops: result.hops,
    hop_count: result.redirects,
    resolver_domain: hostOf(result.finalUrl),
    resolver_type: type,
    is_closient_resolver: type === 'CLOSIENT',
    extracted_gtin:
      parseDigitalLink(result.finalUrl).gtin ?? parseDigitalLink(result.initialUrl).gtin,
    error_message: result.error,
  };
}

/** `POST /resolve-url`: always 200, with the reason in `error_message` when it fails. */
export async function resolveUrl(url: string, allowPrivate: boolean): Promise<ResolveUrlResponse> {
  if (!isHttpUrl(url)) {
    return {
      initial_url: url,
      final_url: url,
      hops: 0,
      error_message: 'Only http:// and https:// URLs can be resolved.',
      succeeded: false,
      chain: [],
    };
  }
  const result = await followRedirects(url, allowPrivate);
  return {
    initial_url: result.initialUrl,
    final_url: result.finalUrl,
    hops: result.redirects,
    error_message: result.error,
    succeeded: result.error === '',
    chain: result.hops.map((h) => h.url),
  };
}
