/**
 * Load generator for bench/ingest: `units` simulated devices each publishing a position every
 * second (QoS 0) through `conns` MQTT connections, for `seconds`. Each payload's `ts` is the send
 * time, so receivers can measure latency. Runs as its own process to use the second core.
 */
import mqtt from 'mqtt';

const [url, unitsArg, secondsArg, connsArg = '4'] = process.argv.slice(2);
const units = Number(unitsArg);
const seconds = Number(secondsArg);
const conns = Number(connsArg);

const clients = await Promise.all(Array.from({ length: conns }, (_, i) => mqtt.connectAsync(url, { clientId: `qx-bench-load-${process.pid}-${i}` })));
process.stdout.write('ready\n');
const TICK_MS = 20;
const perTick = Math.ceil((units * TICK_MS) / 1000);
let next = 0;
let sent = 0;
const started = Date.now();
const timer = setInterval(() => {
  for (let k = 0; k < perTick; k++) {
    const i = next;
    next = (next + 1) % units;
    const client = clients[i % conns];
    const t = (Date.now() / 1000 + i) % 360;
    const payload = JSON.stringify({ lat: 31.1 + 0.05 * Math.sin(t), lon: 104.4 + 0.05 * Math.cos(t), ts: Date.now(), speed: 10, heading: t });
    client.publish(`qx/v1/units/B-${i}/position`, payload, { qos: 0 });
    sent++;
  }
  if (Date.now() - started >= seconds * 1000) {
    clearInterval(timer);
    void Promise.all(clients.map((c) => c.endAsync())).then(() => {
      process.stdout.write(`sent ${sent}\n`);
      process.exit(0);
    });
  }
}, TICK_MS);
