import type { TestProject } from 'vitest/node';
import { openPostgres } from '../store/postgres';
import { admin, startCluster } from './postgres-cluster';

/** Each test app copies this database: migrated once, copied in about 35 ms. */
export const TEMPLATE = 'scanner_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL with `{db}` where the database's name goes. */
    postgresUrl: string;
  }
}

/**
 * The server-pg test project's global setup: one throwaway cluster for the whole run, with a
 * migrated template database.
 */
export default async function setup(project: TestProject) {
  const cluster = startCluster();
  await admin(cluster.url('postgres'), [`CREATE DATABASE ${TEMPLATE}`]);
  await (await openPostgres(cluster.url(TEMPLATE))).close();
  project.provide('postgresUrl', cluster.url('{db}'));
  return () => cluster.stop();
}
