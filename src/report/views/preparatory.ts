// The preparatory report: the network (coordinator, partners, municipalities, calendar) and, per
// municipality, where it starts from and what lies ahead (publication 3.2.1, 4.1, 4.2, 4.7).
import { md, opt, type Md } from '../markdown.js';
import { baseView, endorsementViews, localName, organisationName, municipalityNames, partnerName, scopedMunicipalities, softFactorViews, sourceLines, triggeringFactorViews, type BaseView, type EndorsementView, type FactorView, type ViewContext } from './context.js';
import { constraintViews, PHASES_IN_ORDER, type ConstraintView } from './constraints.js';

export interface PreparatoryView extends BaseView {
  coordinator: { name: Md; country: Md | undefined; role: Md | undefined } | undefined;
  partners: { name: Md; country: Md; role: Md; supports: Md }[];
  municipalities: { name: Md; country: Md; languages: Md; leadUnit: Md; localPartner: Md; joined: Md }[];
  calendar: { phase: Md; start: Md; end: Md }[];
  startingPoints: {
    name: Md;
    hasProfile: boolean;
    selection: Md | undefined;
    startingPoint: Md | undefined;
    triggeringFactors: FactorView[];
    softFactors: FactorView[];
    endorsements: EndorsementView[];
    constraints: ConstraintView[];
    electionsInCalendar: boolean;
  }[];
  sources: Md[];
}

export function preparatoryView(ctx: ViewContext): PreparatoryView {
  const { m, model } = ctx;
  const ws = model.workspace;
  const c = ws.coordinator;
  const view: PreparatoryView = {
    ...baseView(ctx, 'preparatory'),
    coordinator: c && {
      name: organisationName(ctx, c),
      country: m.country(c.country),
      role: opt(c.role),
    },
    partners: (ws.partners ?? [])
      .filter((p) => ctx.focus === undefined || (p.supports ?? []).includes(ctx.focus) || model.municipalities.some((mu) => mu.slug === ctx.focus && mu.local_partner === p.id))
      .map((p) => ({
        name: organisationName(ctx, p),
        country: m.country(p.country)!,
        role: md(p.role),
        supports: m.orNotRecorded(municipalityNames(ctx, p.supports)),
      })),
    municipalities: scopedMunicipalities(ctx).map((mu) => ({
      name: localName(ctx, mu.name),
      country: m.country(mu.country)!,
      languages: m.orNotRecorded(m.list((mu.languages ?? []).map((l) => m.language(l)))),
      leadUnit: m.orNotRecorded(mu.lead_unit ? md(mu.lead_unit) : undefined),
      localPartner: m.orNotRecorded(partnerName(ctx, mu.local_partner)),
      joined: m.orNotRecorded(m.date(mu.joined)),
    })),
    calendar: PHASES_IN_ORDER.map((phase) => {
      const period = ws.calendar?.[phase];
      return { phase: m.text(`label.phase_name.${phase}`), start: m.orNotRecorded(m.date(period?.start)), end: m.orNotRecorded(m.date(period?.end)) };
    }),
    startingPoints: scopedMunicipalities(ctx).map((mu) => {
      const profile = model.profiles.get(mu.slug);
      const constraints = constraintViews(ctx, profile);
      return {
        name: localName(ctx, mu.name),
        hasProfile: profile !== undefined,
        selection: opt(mu.selection),
        startingPoint: opt(profile?.starting_point),
        triggeringFactors: triggeringFactorViews(ctx, profile),
        softFactors: softFactorViews(ctx, profile),
        endorsements: endorsementViews(ctx, profile?.endorsements),
        constraints,
        electionsInCalendar: constraints.some((c) => c.election && c.flag !== undefined),
      };
    }),
    sources: [...new Set([...sourceLines(ctx, ws.sources), ...sourceLines(ctx, ws.programme.sources)])],
  };
  return view;
}
