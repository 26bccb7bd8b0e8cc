import type { Theme } from '../../shared/api/themes.js';
import { fromFlag } from '../platform/db/dialect.js';
import type { ThemeRow } from './themes.repository.js';

export const presentTheme = (row: ThemeRow): Theme => ({
  code: row.code,
  label: row.label,
  description: row.description,
  cafId: row.caf_id,
  active: fromFlag(row.active),
  position: row.position,
  version: row.version,
});
