// Bounds how many expensive operations (argon2 hashes) run at once, and how many may wait:
// a storm of sign-in attempts queues up to a point, then is turned away at once, so memory
// stays flat and everyone else is still answered.
export class BusyError extends Error {
  constructor() {
    super('busy');
  }
}

export function createLimiter(max: number, maxWaiting = Number.POSITIVE_INFINITY) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= max) {
      if (waiting.length >= maxWaiting) throw new BusyError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
