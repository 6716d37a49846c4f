/** The case layer's symbols in the map legend: one dot per stage, each named in its tooltip. */
import { useTranslation } from 'react-i18next';
import { colourVar } from '../lib/css';
import { CASE_STAGE_COLOURS, type CaseStage } from '../lib/cases';

const STAGES: readonly CaseStage[] = ['received', 'assigned', 'working', 'done'];

export function CaseStageSymbols() {
  const { t } = useTranslation();
  return (
    <>
      {STAGES.map((s) => (
        <i key={s} className="qx-legend__dot" style={colourVar(CASE_STAGE_COLOURS[s])} title={t(`cases.map.stage.${s}`)} />
      ))}
    </>
  );
}
