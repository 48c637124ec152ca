// The references rules, one module each, in the order `lamd rules` lists them.
import type { RuleModule } from '../rule-module.js';
import { rule as municipality } from './municipality.js';
import { rule as partner } from './partner.js';
import { rule as practice } from './practice.js';
import { rule as stakeholder } from './stakeholder.js';
import { rule as activity } from './activity.js';
import { rule as roadmap } from './roadmap.js';
import { rule as indicator } from './indicator.js';
import { rule as action } from './action.js';
import { rule as objective } from './objective.js';
import { rule as challenge } from './challenge.js';
import { rule as sdgTarget } from './sdg-target.js';
import { rule as country } from './country.js';

export const REFERENCE_RULES: readonly RuleModule[] = [municipality, partner, practice, stakeholder, activity, roadmap, indicator, action, objective, challenge, sdgTarget, country];
