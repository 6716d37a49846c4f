/**
 * Load generator for bench/ingest: `units` simulated devices each publishing a position every
 * second (QoS 0) through `conns` MQTT connections, for `seconds`. Each payload's `ts` is the send
 * time, so receivers can measure latency. Each device drives as a vehicle does: 10 m/s round a
 * circle of its own (radius 0.5–5 km about the city centre), heading in degrees along its way.
 * Runs as its own process to use the second core.
 */
import mqtt from 'mqtt';

const [url, unitsArg, secondsArg, connsArg = '4'] = process.argv.slice(2);
const units = Number(unitsArg);
const seconds = Number(secondsArg);
const conns = Number(connsArg);

const clients = await Promise.all(Array.from({ length: conns }, (_, i) => mqtt.connectAsync(url, { clientId: `qx-bench-load-${process.pid}-${i}` })));
const SPEED = 10; // m/s
const M_PER_DEG = 111_320;
const COS_LAT = Math.cos((31.1 * Math.PI) / 180);

/** Device `i` at time `now`: on its circle, `SPEED` along it from a start angle of its own. */
function position(i: number, now: number): { lat: number; lon: number; ts: number; speed: number; heading: number } {
  const r = 500 + ((i * 7919) % 4500); // metres
  const a = ((i * 2.399) % (2 * Math.PI)) + (SPEED * now) / 1000 / r; // radians, anticlockwise
  const heading = (((-a * 180) / Math.PI) % 360 + 360) % 360; // compass bearing of the way ahead (anticlockwise: angle + 90°)
  return { lat: 31.1 + (r * Math.sin(a)) / M_PER_DEG, lon: 104.4 + (r * Math.cos(a)) / (M_PER_DEG * COS_LAT), ts: now, speed: SPEED, heading };
}

/**
 * Warms the generator itself before it reports ready: its own code and mqtt.js's publish path run
 * cold for the first seconds at several times their steady CPU, which on a small machine is taken
 * from the console being measured. A second of the same load to a topic nobody subscribes to.
 */
async function warmUp(): Promise<void> {
  const until = Date.now() + 1000;
  while (Date.now() < until) {
    for (let k = 0; k < 400; k++) clients[k % conns].publish('qx-bench/warm-up', JSON.stringify(position(k, Date.now())), { qos: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
await warmUp();
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
    const payload = JSON.stringify(position(i, Date.now()));
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
