// One database poll per location and node for all open waiting-room screens of that location. Each screen's
// event stream subscribes to the feed of its location; the feed reads the display state once per interval and
// hands the same state to every subscriber, so 300 screens cost what one costs. App nodes keep no other
// state: the database stays the source of truth, and a feed stops when its last screen disconnects.

export interface DisplayFeed<S> {
  /** Calls `listener` with the location's state now (when known) and after every poll; returns the unsubscribe. */
  subscribe(key: string, load: () => Promise<S>, listener: (state: S) => void): () => void;
  /** Locations with at least one subscriber (for tests and the log). */
  size(): number;
  /** Stops every poll (on server close). */
  close(): void;
}

interface Channel<S> {
  listeners: Set<(state: S) => void>;
  load: () => Promise<S>;
  timer: NodeJS.Timeout | undefined;
  last: S | undefined;
  polling: boolean;
}

export function createDisplayFeed<S>(intervalMs: number, onError: (err: unknown) => void): DisplayFeed<S> {
  const channels = new Map<string, Channel<S>>();

  const poll = async (key: string, channel: Channel<S>) => {
    channel.polling = true;
    try {
      const state = await channel.load();
      channel.last = state;
      for (const listener of channel.listeners) listener(state);
    } catch (err) {
      // A failed poll (database briefly away) keeps the screens as they are; the next poll tries again.
      onError(err);
    } finally {
      channel.polling = false;
    }
    if (channels.get(key) === channel) channel.timer = setTimeout(() => void poll(key, channel), intervalMs);
  };

  return {
    subscribe(key, load, listener) {
      let channel = channels.get(key);
      if (!channel) {
        channel = { listeners: new Set(), load, timer: undefined, last: undefined, polling: false };
        channels.set(key, channel);
        channel.listeners.add(listener);
        void poll(key, channel);
      } else {
        channel.listeners.add(listener);
        if (channel.last !== undefined) listener(channel.last);
      }
      const own = channel;
      return () => {
        own.listeners.delete(listener);
        if (own.listeners.size === 0 && channels.get(key) === own) {
          clearTimeout(own.timer);
          channels.delete(key);
        }
      };
    },
    size: () => channels.size,
    close() {
      for (const channel of channels.values()) clearTimeout(channel.timer);
      channels.clear();
    },
  };
}

/** Open streams per key (a client address, a staff session): a handful is normal, hundreds are not. */
export function createStreamCounter(maxPerAddress: number) {
  const open = new Map<string, number>();
  return {
    /** Counts a stream of `address` (the key); false (and nothing counted) when it has its maximum open. */
    tryOpen(address: string): boolean {
      const n = open.get(address) ?? 0;
      if (n >= maxPerAddress) return false;
      open.set(address, n + 1);
      return true;
    },
    closed(address: string): void {
      const n = (open.get(address) ?? 1) - 1;
      if (n <= 0) open.delete(address);
      else open.set(address, n);
    },
  };
}
