/** The case desk service (being built): intake, triage, routing, SLA, lifecycle, KPIs. */
import { ApiError, type ApiHandlers } from '../../../shared/api.js';
import { caseInputs, type CaseApiName } from '../../../shared/cases/api.js';

export class CaseService {
  readonly handlers: Pick<ApiHandlers, CaseApiName>;

  constructor() {
    const notYet = async (): Promise<never> => {
      throw new ApiError('internal', 'the case desk is not ready yet');
    };
    const h = Object.fromEntries(Object.keys(caseInputs).map((k) => [k, notYet])) as unknown as Pick<ApiHandlers, CaseApiName>;
    this.handlers = { ...h, 'cases.list': async () => ({ cases: [], total: 0 }) };
  }
}
