import path from 'node:path';
import { z } from 'zod';

/**
 * The server's whole configuration, read from the environment once, here and nowhere else
 * (lint forbids `process.env` in other server files). A bad value stops start-up with a
 * message that names the variable.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SCANNER_DATA_DIR: z.string().min(1).default('.data'),
  SCANNER_STATIC_DIR: z.string().min(1).default('dist'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.SCANNER_DATA_DIR),
    staticDir: path.resolve(cwd, e.SCANNER_STATIC_DIR),
  };
}
