/**
 * Every translation, both languages. The console's base texts are in en.json / zh-CN.json; each
 * feature (case desk, panorama and wall, drills) keeps its own pair of files, merged here under its
 * own top-level key so that features never edit each other's texts.
 */
import en from './en.json';
import zhCN from './zh-CN.json';
import casesEn from './cases.en.json';
import casesZhCN from './cases.zh-CN.json';
import drillsEn from './drills.en.json';
import drillsZhCN from './drills.zh-CN.json';
import panoramaEn from './panorama.en.json';
import panoramaZhCN from './panorama.zh-CN.json';

export const RESOURCES = {
  'zh-CN': { ...zhCN, cases: casesZhCN, panorama: panoramaZhCN, ...drillsZhCN },
  en: { ...en, cases: casesEn, panorama: panoramaEn, ...drillsEn },
};
