// The entry of the S3-compatible server child process in the upload tests: s3rver (an in-process S3
// emulator, files in a folder) on a free loopback port, with one bucket. Prints `listening on <port>`.
// Usage: node s3rver-main.mjs <directory> <bucket>
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  directory,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
console.log(`listening on ${port}`);
