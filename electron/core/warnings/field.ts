/**
 * MQTT routing for the field-intake topics, for the field router to call: `fieldSource` says
 * whether a topic is one of ours (and under which diagnostics source to count it), `routeField`
 * decodes the payload and hands it to the service, returning the rejection reason or null.
 *
 *   const source = fieldSource(topic);
 *   if (source) return this.guard(source, topic, () => routeField(warnings, topic, payload, this.now()));
 */
import { decodePayload, TOPIC_PREFIX } from '../../../shared/schemas/mqtt.js';
import { CAP_ALERT_TOPIC, parseReportTopic, parseSensorTopic, reportSchema, sensorReadingSchema } from '../../../shared/schemas/field.js';
import type { WarningService } from './warnings.js';

export type FieldIntake = Pick<WarningService, 'reading' | 'report' | 'capXml'>;

/** The diagnostics source of a field-intake topic; null when the topic is not one of ours. */
export function fieldSource(topic: string): 'mqtt:sensor' | 'mqtt:report' | 'mqtt:cap' | null {
  if (topic === CAP_ALERT_TOPIC) return 'mqtt:cap';
  if (topic.startsWith(`${TOPIC_PREFIX}/sensors/`)) return 'mqtt:sensor';
  if (topic.startsWith(`${TOPIC_PREFIX}/reports/`)) return 'mqtt:report';
  return null;
}

/** Decodes one field-intake message and hands it on; returns why it is refused, or null. */
export function routeField(intake: FieldIntake, topic: string, payload: Uint8Array, now: number): string | null {
  // CAP is XML with its own guard (size, DTD, entities, depth) in parseCap, not JSON.
  if (topic === CAP_ALERT_TOPIC) return intake.capXml(payload);
  const sensor = parseSensorTopic(topic);
  if (sensor) {
    const r = decodePayload(sensorReadingSchema, payload, now);
    return r.ok ? intake.reading(sensor.sensorId, r.value) : r.reason;
  }
  const report = parseReportTopic(topic);
  if (report) {
    const r = decodePayload(reportSchema, payload, now);
    return r.ok ? intake.report(report.channel, r.value) : r.reason;
  }
  return 'unknown topic';
}
