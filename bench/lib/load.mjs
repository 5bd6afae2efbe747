// Offers messages at a fixed rate from a set of senders and measures what the receivers get: delivery
// latency (each message carries its send time), deliveries, and the server's CPU time meanwhile.
import { Histogram } from './histogram.mjs';
import { cpuSeconds } from './processes.mjs';

const MARK = Buffer.from('~T');
const TICK_MS = 5;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMicros = () => Math.round(performance.now() * 1000);

/** Reads the send time a message carries (`~T<µs>|`), or -1. */
function sentAt(payload) {
  const at = payload.indexOf(MARK);
  if (at < 0) return -1;
  let value = 0;
  for (let i = at + 2; i < payload.length; i++) {
    const digit = payload[i] - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/** A message text of about `bytes` bytes that carries its send time. */
function messageText(bytes) {
  const stamp = `~T${nowMicros()}|`;
  return stamp + 'x'.repeat(Math.max(0, bytes - stamp.length));
}

/**
 * A receiver to pass as `onMessage` to every socket, then {@link runStep} per rate. Only deliveries of
 * messages sent inside the measured window count.
 */
export function createMeter(isDelivery) {
  const meter = {
    window: { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY },
    histogram: new Histogram(),
    delivered: 0,
    onMessage(payload) {
      if (!isDelivery(payload)) return;
      const sent = sentAt(payload);
      if (sent < meter.window.from || sent > meter.window.to) return;
      meter.delivered++;
      meter.histogram.record((nowMicros() - sent) / 1000);
    },
  };
  return meter;
}

/**
 * Sends `messagesPerSecond` for `warmupMs + measureMs`, round robin over `senders`, then waits up to
 * `drainMs` for the measured messages' deliveries. Returns p50/p99 (ms), the share delivered, and the
 * server's CPU µs per delivery.
 */
export async function runStep({ meter, senders, fanout, messagesPerSecond, warmupMs, measureMs, drainMs, pid, bytes }) {
  meter.histogram = new Histogram();
  meter.delivered = 0;
  meter.window = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  const start = performance.now();
  let sent = 0;
  let measured = 0;
  let next = 0;
  let cpuStart = 0;
  let measuring = false;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - start;
      if (!measuring && elapsed >= warmupMs) {
        measuring = true;
        cpuStart = cpuSeconds(pid);
        meter.window = { from: nowMicros(), to: Number.POSITIVE_INFINITY };
      }
      if (elapsed >= warmupMs + measureMs) {
        meter.window.to = nowMicros();
        clearInterval(timer);
        return resolve();
      }
      const due = Math.floor((elapsed / 1000) * messagesPerSecond);
      for (; sent < due; sent++) {
        const sender = senders[next];
        next = (next + 1) % senders.length;
        sender.socket.sendRaw(sender.frame(messageText(bytes)));
        if (measuring) measured++;
      }
    }, TICK_MS);
  });
  const expected = measured * fanout;
  const drainUntil = performance.now() + drainMs;
  while (meter.delivered < expected && performance.now() < drainUntil) await sleep(20);
  const cpu = cpuSeconds(pid) - cpuStart;
  const seconds = measureMs / 1000;
  return {
    offered: Math.round((measured * fanout) / seconds),
    delivered: meter.delivered,
    expected,
    complete: meter.delivered >= expected * 0.999,
    p50: meter.histogram.percentile(0.5),
    p99: meter.histogram.percentile(0.99),
    cpuMicrosPerDelivery: meter.delivered ? (cpu * 1e6) / meter.delivered : Number.NaN,
  };
}
