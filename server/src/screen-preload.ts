import fs from 'node:fs';
import path from 'node:path';

/** A chunk of Vite's build manifest (dist/.vite/manifest.json, `build.manifest`). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The screens the shell loads lazily (src/app/router.tsx), by the path that opens them. A
 * path that matches none gets the plain shell. Ids are one segment and may be percent-encoded.
 */
export const SCREEN_MODULES: readonly { path: RegExp; module: string }[] = [
  { path: /^\/connect\/?$/, module: 'src/app/routes/connect-route.tsx' },
  { path: /^\/scan\/new\/?$/, module: 'src/app/routes/scan-new-route.tsx' },
  { path: /^\/sessions\/[^/]+\/?$/, module: 'src/app/routes/session-route.tsx' },
  { path: /^\/sessions\/[^/]+\/scan\/?$/, module: 'src/app/routes/scanner-route.tsx' },
  { path: /^\/sessions\/[^/]+\/photos\/?$/, module: 'src/app/routes/photo-route.tsx' },
  {
    path: /^\/sessions\/[^/]+\/captures\/[^/]+\/?$/,
    module: 'src/app/routes/capture-route.tsx',
  },
  { path: /^\/diagnostics\/?$/, module: 'src/app/routes/diagnostics-route.tsx' },
  { path: /^\/settings\/?$/, module: 'src/app/routes/settings-route.tsx' },
];

/**
 * What the app imports as soon as it starts, wherever it opens: the outbox (src/app/outbox),
 * which a screen that sends or corrects a scan waits for.
 */
export const START_MODULES: readonly string[] = ['src/app/outbox/outbox-live.ts'];

/** A chunk's file and those of everything it imports statically, depth first. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

/**
 * The shell for each lazy screen, with `modulepreload` hints for the screen's own chunks and the
 * app's start-up imports. On a cold load of a deep link, the browser otherwise learns of them
 * only once the entry has downloaded and run: a whole round trip later, on a phone's network,
 * before the screen can even ask the API for its data. The hints leave out what the shell
 * already names.
 *
 * Returns the shell for a URL path (a path that opens no lazy screen gets the start-up hints
 * only), or null for the plain index.html when the build has no manifest.
 */
export function screenShells(staticDir: string): (urlPath: string) => string | null {
  let manifest: Manifest;
  let html: string;
  try {
    manifest = JSON.parse(
      fs.readFileSync(path.join(staticDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
    html = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
  } catch {
    return () => null;
  }
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const inShell = new Set(entries.flatMap((k) => [...closure(manifest, k)]));
  const shells = new Map<string | null, string>();
  for (const module of [null, ...SCREEN_MODULES.map((s) => s.module)]) {
    if (module !== null && !manifest[module]) continue;
    const needed = new Set<string>();
    for (const key of [...(module === null ? [] : [module]), ...START_MODULES])
      if (manifest[key]) closure(manifest, key, needed);
    const chunks = [...needed].filter((k) => !inShell.has(k));
    const links = chunks.flatMap((k) => {
      const chunk = manifest[k];
      if (!chunk) return [];
      return [
        `<link rel="modulepreload" crossorigin href="/${chunk.file}">`,
        ...(chunk.css ?? []).map((css) => `<link rel="preload" as="style" href="/${css}">`),
      ];
    });
    shells.set(module, html.replace('</head>', `${links.join('\n')}\n</head>`));
  }
  return (urlPath) => {
    const screen = SCREEN_MODULES.find((s) => s.path.test(urlPath));
    return (screen && shells.get(screen.module)) ?? shells.get(null) ?? null;
  };
}
