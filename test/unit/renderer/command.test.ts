/** The command line's parser: every verb, aliases in both languages, and each mistake as an i18n key. */
import { describe, expect, it } from 'vitest';
import { DISPOSITIONS, UNIT_STATUSES } from '../../../shared/model';
import en from '../../../renderer/src/i18n/en.json';
import zh from '../../../renderer/src/i18n/zh-CN.json';
import { aliasMap, parseCommand, type CommandContext } from '../../../renderer/src/lib/command';

const ctx: CommandContext = {
  incidentTypes: aliasMap([
    ['structure_fire', ['火灾', 'Structure fire']],
    ['medical', ['医疗急救', 'Medical emergency']],
  ]),
  statuses: aliasMap(UNIT_STATUSES.map((s, i) => [s, [String(i + 1), zh.unitStatus[s], en.unitStatus[s]]] as const)),
  dispositions: aliasMap(DISPOSITIONS.map((d) => [d, [zh.disposition[d], en.disposition[d]]] as const)),
};

const parse = (line: string) => parseCommand(line, ctx);

describe('command line', () => {
  it('opens an incident by its number', () => {
    expect(parse('12')).toEqual({ ok: true, command: { kind: 'open', incident: 12 } });
    expect(parse(' #7 ')).toEqual({ ok: true, command: { kind: 'open', incident: 7 } });
  });

  it('dispatches, escalates and puts under control, verbs in either case', () => {
    expect(parse('D 12')).toEqual({ ok: true, command: { kind: 'dispatch', incident: 12 } });
    expect(parse('e #3')).toEqual({ ok: true, command: { kind: 'escalate', incident: 3 } });
    expect(parse('u 4')).toEqual({ ok: true, command: { kind: 'underControl', incident: 4 } });
  });

  it('closes with a disposition by id or by label in either language', () => {
    expect(parse('C 12 resolved')).toEqual({ ok: true, command: { kind: 'close', incident: 12, disposition: 'resolved' } });
    expect(parse('C 12 false alarm')).toEqual({ ok: true, command: { kind: 'close', incident: 12, disposition: 'false_alarm' } });
    expect(parse('c 12 误报')).toEqual({ ok: true, command: { kind: 'close', incident: 12, disposition: 'false_alarm' } });
    expect(parse('C 12 whatever')).toEqual({ ok: false, error: { key: 'disposition', params: { value: 'whatever' } } });
    expect(parse('C 12')).toEqual({ ok: false, error: { key: 'usage', params: { verb: 'C' } } });
  });

  it('sets a unit status by id, number or label', () => {
    expect(parse('S F-101 on_scene')).toEqual({ ok: true, command: { kind: 'unitStatus', unit: 'F-101', status: 'on_scene' } });
    expect(parse('s F-101 3')).toEqual({ ok: true, command: { kind: 'unitStatus', unit: 'F-101', status: 'on_scene' } });
    expect(parse('S F-101 到场')).toEqual({ ok: true, command: { kind: 'unitStatus', unit: 'F-101', status: 'on_scene' } });
    expect(parse('S F-101 out of service')).toEqual({ ok: true, command: { kind: 'unitStatus', unit: 'F-101', status: 'out_of_service' } });
    expect(parse('S F-101 flying')).toEqual({ ok: false, error: { key: 'status', params: { value: 'flying' } } });
  });

  it('reassigns and cancels with a reason (which may have spaces and Chinese)', () => {
    expect(parse('R F-101 12 理由 更近')).toEqual({ ok: true, command: { kind: 'reassign', unit: 'F-101', incident: 12, reason: '理由 更近' } });
    expect(parse('R F-101 12')).toEqual({ ok: false, error: { key: 'reason', params: {} } });
    expect(parse('R F-101 x1 why')).toEqual({ ok: false, error: { key: 'incident', params: { value: 'x1' } } });
    expect(parse('X F-101 车辆故障')).toEqual({ ok: true, command: { kind: 'cancel', unit: 'F-101', reason: '车辆故障' } });
    expect(parse('X F-101')).toEqual({ ok: false, error: { key: 'reason', params: {} } });
  });

  it('creates an incident at coordinates or a place, type by id or label (several words too)', () => {
    expect(parse('N 31.13,104.40 structure_fire')).toEqual({
      ok: true,
      command: { kind: 'new', type: 'structure_fire', at: { lat: 31.13, lon: 104.4 }, place: '31.13,104.40' },
    });
    expect(parse('N 31.13, 104.40 火灾')).toMatchObject({ ok: true, command: { type: 'structure_fire', at: { lat: 31.13, lon: 104.4 } } });
    expect(parse('N Wangjiang Mall Medical emergency')).toEqual({
      ok: true,
      command: { kind: 'new', type: 'medical', at: null, place: 'Wangjiang Mall' },
    });
    expect(parse('N 望江商城 meteor')).toEqual({ ok: false, error: { key: 'type', params: { value: 'meteor' } } });
    expect(parse('N 火灾 structure_fire')).toMatchObject({ ok: true, command: { at: null, place: '火灾' } });
    expect(parse('N structure_fire')).toEqual({ ok: false, error: { key: 'usage', params: { verb: 'N' } } });
  });

  it('links an incident to its original', () => {
    expect(parse('L 13 12')).toEqual({ ok: true, command: { kind: 'link', incident: 13, other: 12 } });
    expect(parse('L 13')).toEqual({ ok: false, error: { key: 'usage', params: { verb: 'L' } } });
  });

  it('names what is wrong', () => {
    expect(parse('   ')).toEqual({ ok: false, error: { key: 'empty', params: {} } });
    expect(parse('Q 12')).toEqual({ ok: false, error: { key: 'unknown', params: { verb: 'Q' } } });
    expect(parse('D twelve')).toEqual({ ok: false, error: { key: 'incident', params: { value: 'twelve' } } });
    expect(parse('D 12 13')).toEqual({ ok: false, error: { key: 'usage', params: { verb: 'D' } } });
    expect(parse('D 0')).toEqual({ ok: false, error: { key: 'incident', params: { value: '0' } } });
    expect(parse('?')).toEqual({ ok: true, command: { kind: 'help' } });
  });
});
