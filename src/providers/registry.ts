import type { RegisteredDialect } from '../engine/dialect.js';
import { gusto } from './gusto/dialect.js';
import { hurdlr } from './hurdlr/dialect.js';
import { tight } from './tight/dialect.js';
import { tink } from './tink/dialect.js';
import { uphold } from './uphold/dialect.js';

/** Every provider dialect the sandbox serves, each under `/<id>`. */
export const dialects: readonly RegisteredDialect[] = [tight, hurdlr, tink, uphold, gusto];
