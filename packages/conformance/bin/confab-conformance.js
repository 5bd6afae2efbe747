#!/usr/bin/env node
import { main } from '../dist/cli.js';

const finish = (code) => {
  process.exitCode = code;
  // Idle keep-alive connections must not hold the process open once the report is out.
  setTimeout(() => process.exit(code), 1000).unref();
};

main(process.argv.slice(2)).then(finish, (error) => {
  console.error(error instanceof Error ? error.message : error);
  finish(1);
});
