/**
 * Topic namespaces. A live console speaks MQTT contract v1 under `qx/v1/…`; a drill console speaks
 * the very same contract under `qx-drill/v1/…`, so that no drill order can ever reach a real
 * device (devices and the shipped Mosquitto ACL only know `qx/v1`). Inside the console every topic
 * is canonical (`qx/v1/…`): the namespace is applied where a topic meets the wire (subscriptions,
 * the outbox, presence) and removed from what arrives.
 */
import { TOPIC_PREFIX } from './mqtt.js';

export const LIVE_PREFIX = TOPIC_PREFIX;
export const DRILL_PREFIX = 'qx-drill/v1';

export interface TopicNamespace {
  /** `qx/v1` live, `qx-drill/v1` in a drill. */
  readonly prefix: string;
  readonly drill: boolean;
  /** A canonical `qx/v1/…` topic (or filter) as it goes on the wire. */
  wire(canonical: string): string;
  /** A wire topic back to canonical; null when it is outside this namespace. */
  canonical(wire: string): string | null;
  /** Subscriptions this namespace takes: drill consoles take no foreign topics (e.g. OwnTracks phones). */
  subscriptions(canonical: readonly string[]): string[];
}

function swapPrefix(topic: string, from: string, to: string): string | null {
  if (topic === from) return to;
  return topic.startsWith(`${from}/`) ? `${to}${topic.slice(from.length)}` : null;
}

export function topicNamespace(drill: boolean): TopicNamespace {
  const prefix = drill ? DRILL_PREFIX : LIVE_PREFIX;
  return {
    prefix,
    drill,
    wire(canonical) {
      const t = swapPrefix(canonical, LIVE_PREFIX, prefix);
      if (t !== null) return t;
      // Foreign topics (OwnTracks) are live-only: a drill never publishes or subscribes to them.
      if (drill) throw new Error(`topic "${canonical}" has no drill equivalent`);
      return canonical;
    },
    canonical(wire) {
      if (!drill) return wire;
      return swapPrefix(wire, DRILL_PREFIX, LIVE_PREFIX);
    },
    subscriptions(canonical) {
      const out: string[] = [];
      for (const s of canonical) {
        const t = swapPrefix(s, LIVE_PREFIX, prefix);
        if (t !== null) out.push(t);
        else if (!drill) out.push(s);
      }
      return out;
    },
  };
}

/** Whether a wire topic belongs to the live namespace (what a drill must never publish on). */
export function isLiveTopic(wire: string): boolean {
  return !wire.startsWith(`${DRILL_PREFIX}/`);
}
