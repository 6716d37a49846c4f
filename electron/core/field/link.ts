/**
 * The field link: one MQTT client to the broker. It keeps the connection (state visible to every
 * console), subscribes to the topics the router asks for, hands every message to the router, and
 * publishes with QoS 1.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { LinkView } from '../../../shared/model.js';
import { topics } from '../../../shared/schemas/mqtt.js';
import type { Diagnostics } from '../diagnostics.js';

export interface FieldLinkOptions {
  readonly url: string;
  readonly embedded: boolean;
  readonly consoleId: string;
  readonly diagnostics: Diagnostics;
  readonly subscriptions: readonly string[];
  /** Every message received; must not throw. */
  readonly onMessage: (topic: string, payload: Buffer) => void;
  readonly now?: () => number;
  readonly mqtt?: Partial<IClientOptions>;
}

export class FieldLink {
  private client: MqttClient | null = null;
  private view: LinkView;
  private readonly listeners = new Set<(v: LinkView) => void>();
  private readonly now: () => number;

  constructor(private readonly opts: FieldLinkOptions) {
    this.now = opts.now ?? Date.now;
    this.view = { status: 'connecting', broker: redact(opts.url), embedded: opts.embedded, since: this.now(), outbox: 0 };
  }

  get state(): LinkView {
    return this.view;
  }

  get connected(): boolean {
    return this.client?.connected === true;
  }

  onState(listener: (v: LinkView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects and subscribes; resolves once the first connection is up or failed. */
  start(): void {
    const presence = topics.consolePresence(this.opts.consoleId);
    const client = mqtt.connect(this.opts.url, {
      clientId: `qx-console-${this.opts.consoleId}`,
      clean: false,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      will: { topic: presence, payload: Buffer.from('offline'), qos: 1, retain: true },
      ...this.opts.mqtt,
    });
    this.client = client;
    client.on('connect', () => {
      this.setState({ status: 'connected' });
      client.subscribe([...this.opts.subscriptions], { qos: 1 }, (err) => {
        if (err) this.opts.diagnostics.reject('broker', 'subscribe', err.message);
      });
      client.publish(presence, 'online', { qos: 1, retain: true });
    });
    client.on('offline', () => this.setState({ status: 'offline' }));
    client.on('close', () => {
      if (this.view.status === 'connected') this.setState({ status: 'offline' });
    });
    client.on('reconnect', () => {
      if (this.view.status !== 'connecting') this.setState({ status: 'connecting' });
    });
    client.on('error', (err) => this.opts.diagnostics.reject('broker', this.view.broker, err.message));
    client.on('message', (topic, payload) => this.opts.onMessage(topic, payload));
  }

  /** Resolves when the broker has acknowledged the message (PUBACK). */
  async publish(topic: string, payload: string): Promise<void> {
    if (!this.client) throw new Error('field link not started');
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }

  setOutboxSize(n: number): void {
    if (n !== this.view.outbox) this.setState({ outbox: n });
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (!c) return;
    if (c.connected) await c.publishAsync(topics.consolePresence(this.opts.consoleId), 'offline', { qos: 1, retain: true }).catch(() => undefined);
    await c.endAsync();
  }

  private setState(patch: Partial<LinkView>): void {
    this.view = { ...this.view, ...patch, since: patch.status && patch.status !== this.view.status ? this.now() : this.view.since };
    for (const l of this.listeners) l(this.view);
  }
}

/** A broker URL without its password, for screens and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
