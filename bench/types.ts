export interface BenchOptions {
  /** Smoke-sized run, for CI: proves the benchmark works, not how fast anything is. */
  quick: boolean;
  jsonFile: string | null;
  imagesDir: string | null;
}

export type Bench = (options: BenchOptions) => Promise<void>;
