// PostgreSQL for the bench, when one answers: a fresh database per server run, dropped afterwards.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Whether PostgreSQL answers at BENCH_DATABASE_URL (default: postgres@127.0.0.1:5432/test). */
export function postgresReachable() {
  return admin('select 1').then(
    () => true,
    () => false,
  );
}

/** A fresh, empty database: its URL, and `drop`. */
export async function createDatabase() {
  const name = `confab_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
