// Latencies in 50 µs buckets up to 10 s: constant memory however many deliveries a step counts.
const BUCKET_MS = 0.05;
const BUCKETS = 200_000;

/** A latency histogram with percentiles. */
export class Histogram {
  counts = new Uint32Array(BUCKETS);
  count = 0;

  record(ms) {
    const bucket = ms <= 0 ? 0 : Math.min(BUCKETS - 1, Math.floor(ms / BUCKET_MS));
    this.counts[bucket]++;
    this.count++;
  }

  /** The latency (ms) below which fraction `p` of the samples fall; NaN when empty. */
  percentile(p) {
    if (this.count === 0) return Number.NaN;
    const wanted = Math.ceil(this.count * p);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= wanted) return (i + 1) * BUCKET_MS;
    }
    return BUCKETS * BUCKET_MS;
  }
}
