// The method rules lamd ships, in the order `lamd rules` lists them.
import type { MethodRule } from './rule.js';
import { rule as actionInPeriod } from './dates-action-in-period.js';
import { rule as calendar } from './dates-calendar.js';
import { rule as overdue } from './dates-overdue.js';
import { municipalityRule as endorsementMunicipality, roadmapRule as endorsementRoadmap } from './endorsement.js';
import { rule as borrowed } from './practice-borrowed.js';
import { rule as exchangeBehindStage } from './practice-exchange-behind-stage.js';
import { rule as exchangeTwoMunicipalities } from './exchange-two-municipalities.js';
import { rule as exchangePresenter } from './exchange-presenter.js';
import { rule as exchangeEveryMunicipality } from './exchange-every-municipality.js';
import { rule as trainingParticipants } from './training-participants.js';
import { rule as trainingSexBreakdown } from './training-sex-breakdown.js';
import { rule as trainingCrossDepartmental } from './training-cross-departmental.js';
import { rule as trainingBeforeExchange } from './training-before-peer-exchange.js';
import { rule as phaseOrder } from './calendar-phase-order.js';
import { rule as phaseLength } from './calendar-phase-length.js';
import { rule as milestoneOverdue } from './calendar-milestone-overdue.js';
import { rule as municipalityLagging } from './calendar-municipality-lagging.js';
import { rule as contactData } from './privacy-contact-data.js';
import { rule as continuity } from './roadmap-continuity.js';
import { rule as crossSectoral } from './roadmap-cross-sectoral.js';
import { rule as designInclusion } from './roadmap-design-inclusion.js';
import { rule as evidence } from './roadmap-evidence.js';
import { rule as learningContinuum } from './roadmap-learning-continuum.js';
import { rule as sdgTargets } from './roadmap-sdg-targets.js';
import { rule as singleSdg } from './roadmap-single-sdg.js';
import { rule as progressAfterProgramme } from './progress-after-programme.js';
import { rule as progressBudget } from './progress-budget.js';
import { rule as progressLateReport } from './progress-late-report.js';
import { rule as progressNeverMeasured } from './progress-never-measured.js';
import { rule as progressOverlapping } from './progress-overlapping-periods.js';
import { rule as progressSexBreakdown } from './progress-sex-breakdown.js';
import { rule as progressTargetMissed } from './progress-target-missed.js';
import { rule as progressVerification } from './progress-verification.js';
import { rule as examplesRemaining } from './workspace-examples-remaining.js';
import { rule as nameLanguages } from './workspace-name-languages.js';

export const METHOD_RULES: readonly MethodRule[] = [
  singleSdg,
  sdgTargets,
  designInclusion,
  learningContinuum,
  crossSectoral,
  evidence,
  continuity,
  endorsementMunicipality,
  endorsementRoadmap,
  borrowed,
  exchangeBehindStage,
  exchangeTwoMunicipalities,
  exchangePresenter,
  exchangeEveryMunicipality,
  trainingParticipants,
  trainingSexBreakdown,
  trainingCrossDepartmental,
  trainingBeforeExchange,
  phaseOrder,
  phaseLength,
  milestoneOverdue,
  municipalityLagging,
  actionInPeriod,
  calendar,
  overdue,
  progressTargetMissed,
  progressNeverMeasured,
  progressLateReport,
  progressAfterProgramme,
  progressBudget,
  progressVerification,
  progressOverlapping,
  progressSexBreakdown,
  contactData,
  examplesRemaining,
  nameLanguages,
];
