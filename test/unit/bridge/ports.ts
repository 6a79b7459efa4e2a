/**
 * Test helpers for the bridge: real MessageChannels, a raw port the test drives by hand, and polling that does
 * not depend on (possibly faked) setTimeout.
 */
import { createEndpoint, type Endpoint, type Handler } from '../../../src/bridge/endpoint.ts';

/** Teardown steps registered by the helpers below; a test file runs `runCleanups` after each test. */
export const cleanups: (() => void)[] = [];

/** Runs and forgets every registered teardown step. */
export function runCleanups(): void {
  for (const f of cleanups.splice(0)) f();
}

/** A promise with its resolvers exposed. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** Creates a deferred promise. */
export function defer<T = unknown>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, no) => ((resolve = ok), (reject = no)));
  return { promise, resolve, reject };
}

/** One macrotask turn (setImmediate is never faked by these tests). */
export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Waits until `check` returns true, checking once per macrotask turn; fails after `ms` of wall-clock time. */
export async function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('waitFor: condition never became true');
    await tick();
  }
}

/** The settlement state of a promise, observed without awaiting it. */
export function track<T>(p: Promise<T>): { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } {
  const t: { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = { state: 'pending' };
  p.then(
    (value) => Object.assign(t, { state: 'resolved', value }),
    (error: unknown) => Object.assign(t, { state: 'rejected', error }),
  );
  return t;
}

/** A raw MessagePort whose inbound messages are recorded, for talking to an endpoint by hand. */
export interface RawPort {
  port: MessagePort;
  received: unknown[];
  /** Resolves with the message at `index` (0-based, in arrival order) once it has arrived. */
  nth(index: number): Promise<unknown>;
}

/** Wraps `port` so every message it receives is recorded. */
export function rawPort(port: MessagePort): RawPort {
  const received: unknown[] = [];
  port.onmessage = (e: MessageEvent) => void received.push(e.data);
  return {
    port,
    received,
    async nth(index) {
      await waitFor(() => received.length > index);
      return received[index];
    },
  };
}

/** Picks the fields of an Error a test asserts on. */
export const errorFields = (e: unknown): { name: string; message: string; code: unknown } => {
  const x = e as { name: string; message: string; code?: unknown };
  return { name: x.name, message: x.message, code: x.code };
};

/** Events an endpoint received, in order. */
export type Events = [string, unknown][];

/** Two endpoints on the two ends of a real MessageChannel. */
export function connectPair(handlersA = new Map<string, Handler>(), handlersB = new Map<string, Handler>()) {
  const { port1, port2 } = new MessageChannel();
  const eventsA: Events = [];
  const eventsB: Events = [];
  const a = createEndpoint(port1, handlersA, (n, d) => void eventsA.push([n, d]));
  const b = createEndpoint(port2, handlersB, (n, d) => void eventsB.push([n, d]));
  cleanups.push(() => (a.destroy(), b.destroy()));
  return { a, b, eventsA, eventsB };
}

/** An endpoint whose other end is a raw port the test writes to. */
export function facingRaw(handlers = new Map<string, Handler>(), onEvent: (n: string, d: unknown) => void = () => {}) {
  const { port1, port2 } = new MessageChannel();
  const ep: Endpoint = createEndpoint(port1, handlers, onEvent);
  const raw = rawPort(port2);
  cleanups.push(() => (ep.destroy(), port2.close()));
  return { ep, raw };
}
